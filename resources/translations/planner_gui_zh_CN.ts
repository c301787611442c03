<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;New Plan File…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create a new plan file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a plan file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save a &amp;Copy As…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write a copy of the plan file elsewhere</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan &amp;JSON…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace the plan with one from a planner-gui JSON file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Ledger (Excel/CSV)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read progress from a ledger spreadsheet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From &amp;Document Text…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make tasks from the text of a document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the whole plan as planner-gui JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Summary…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print the summary for the leaders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Ledger…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the ledger spreadsheet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Report Forms…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write a report form per department</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Back Up Now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep a dated backup of the plan file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Restore from Backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go back to a backup of the plan file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close the window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type to filter the tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;Area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add an area (方面) to the plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;Task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a task to the selected area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;Sub-task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a sub-task to the selected task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit the title of the selected item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the selected item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move &amp;Up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the selected item up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move Do&amp;wn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the selected item down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As of &amp;Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As of End of Last &amp;Month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As of End of Last &amp;Quarter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Expand All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Collapse All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show &amp;Chart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Check File…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the plan file's integrity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About planner-gui</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Filter: title, leader, unit, progress text…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any leader</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Overdue only</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>The new language is used the next time planner-gui starts.</source>
            <translation>新的界面语言将在下次启动 planner-gui 时生效。</translation>
        </message>
    </context>
    <context>
        <name>OptionalDateEdit</name>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlanTreeModel</name>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leader</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lead unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deadline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%s · not reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>planned %s%%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No deadline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%s
No progress report for the current reporting cycle</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n task(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n not reported</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>RollupBox</name>
        <message>
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not reported</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TaskFiguresBox</name>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Planned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reporting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not reported</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
