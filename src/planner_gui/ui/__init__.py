"""The Qt interface: thin, calling the domain, store, exchange and report layers."""
