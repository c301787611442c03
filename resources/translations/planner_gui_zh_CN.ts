<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>About planner-gui</source>
        <translation>关于 planner-gui</translation>
    </message>
    <message>
        <source>Follow a year&apos;s key-task plan offline: lights, progress, summaries and ledgers.</source>
        <translation>离线跟踪年度重点工作任务：指示灯、进度、汇总材料和台账。</translation>
    </message>
    <message>
        <source>Python %s, PySide6 %s</source>
        <translation>Python %s，PySide6 %s</translation>
    </message>
    <message>
        <source>planner-gui %s</source>
        <translation>planner-gui %s</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Plan File…</source>
        <translation>新建计划文件(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a new plan file</source>
        <translation>新建一个计划文件</translation>
    </message>
    <message>
        <source>New from &amp;Ledger…</source>
        <translation>从台账新建(&amp;L)…</translation>
    </message>
    <message>
        <source>Start a new plan file from a ledger spreadsheet</source>
        <translation>用台账表格新建计划文件</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a plan file</source>
        <translation>打开计划文件</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Write a copy of the plan file elsewhere</source>
        <translation>把计划文件的副本保存到其他位置</translation>
    </message>
    <message>
        <source>Plan &amp;JSON…</source>
        <translation>计划 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Replace the plan with one from a planner-gui JSON file</source>
        <translation>用 planner-gui JSON 文件中的计划替换当前计划</translation>
    </message>
    <message>
        <source>&amp;Ledger (Excel/CSV)…</source>
        <translation>台账 Excel/CSV(&amp;L)…</translation>
    </message>
    <message>
        <source>Read progress from a ledger spreadsheet</source>
        <translation>从台账表格读取进展情况</translation>
    </message>
    <message>
        <source>From &amp;Document Text…</source>
        <translation>从文稿文字(&amp;D)…</translation>
    </message>
    <message>
        <source>Make tasks from the text of a document</source>
        <translation>根据文稿文字生成任务</translation>
    </message>
    <message>
        <source>Write the whole plan as planner-gui JSON</source>
        <translation>将整个计划导出为 planner-gui JSON</translation>
    </message>
    <message>
        <source>&amp;Summary…</source>
        <translation>汇总材料(&amp;S)…</translation>
    </message>
    <message>
        <source>Print the summary for the leaders</source>
        <translation>生成供领导审阅的汇总材料</translation>
    </message>
    <message>
        <source>&amp;Ledger…</source>
        <translation>台账(&amp;L)…</translation>
    </message>
    <message>
        <source>Write the ledger spreadsheet</source>
        <translation>导出台账表格</translation>
    </message>
    <message>
        <source>&amp;Report Forms…</source>
        <translation>报送表(&amp;R)…</translation>
    </message>
    <message>
        <source>Write a report form per department</source>
        <translation>为每个单位生成一份报送表</translation>
    </message>
    <message>
        <source>&amp;Export Changes…</source>
        <translation>导出更改(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the changes another copy of the plan lacks into a packet</source>
        <translation>把另一份计划副本缺少的更改写入同步包</translation>
    </message>
    <message>
        <source>&amp;Import Changes…</source>
        <translation>导入更改(&amp;I)…</translation>
    </message>
    <message>
        <source>Apply a packet from another copy of the plan, after a preview</source>
        <translation>预览后应用另一份计划副本的同步包</translation>
    </message>
    <message>
        <source>&amp;History of Both-Sides Changes…</source>
        <translation>双方修改记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Values replaced when two copies changed the same field</source>
        <translation>两份副本修改同一字段时被替换的值</translation>
    </message>
    <message>
        <source>Share changes live with the office&apos;s server (choose again to disconnect)</source>
        <translation>与督查室服务器实时共享更改（再次选择即断开）</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Keep a dated backup of the plan file</source>
        <translation>保存一份带日期的计划文件备份</translation>
    </message>
    <message>
        <source>Res&amp;tore from Backup…</source>
        <translation>从备份恢复(&amp;T)…</translation>
    </message>
    <message>
        <source>Move U&amp;p</source>
        <translation>上移(&amp;P)</translation>
    </message>
    <message>
        <source>Show C&amp;hart</source>
        <translation>显示图表(&amp;H)</translation>
    </message>
    <message>
        <source>Go back to a backup of the plan file</source>
        <translation>将计划文件恢复到某个备份</translation>
    </message>
    <message>
        <source>Connect to O&amp;ffice…</source>
        <translation>连接督查室(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Type to filter the tasks</source>
        <translation>输入文字筛选任务</translation>
    </message>
    <message>
        <source>Add &amp;Area</source>
        <translation>添加方面(&amp;A)</translation>
    </message>
    <message>
        <source>Add an area (方面) to the plan</source>
        <translation>在计划中添加一个方面</translation>
    </message>
    <message>
        <source>Add &amp;Task</source>
        <translation>添加任务(&amp;T)</translation>
    </message>
    <message>
        <source>Add a task to the selected area</source>
        <translation>在选中的方面下添加任务</translation>
    </message>
    <message>
        <source>Add &amp;Sub-task</source>
        <translation>添加子任务(&amp;S)</translation>
    </message>
    <message>
        <source>Add a sub-task to the selected task</source>
        <translation>在选中的任务下添加子任务</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;N)</translation>
    </message>
    <message>
        <source>Edit the title of the selected item</source>
        <translation>修改选中项的名称</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected item</source>
        <translation>删除选中项</translation>
    </message>
    <message>
        <source>Move the selected item up</source>
        <translation>将选中项上移</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Move the selected item down</source>
        <translation>将选中项下移</translation>
    </message>
    <message>
        <source>As of &amp;Today</source>
        <translation>截至今天(&amp;T)</translation>
    </message>
    <message>
        <source>As of End of Last &amp;Month</source>
        <translation>截至上月末(&amp;M)</translation>
    </message>
    <message>
        <source>As of End of Last &amp;Quarter</source>
        <translation>截至上季度末(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation>全部展开(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation>全部折叠(&amp;C)</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>时间轴(&amp;I)</translation>
    </message>
    <message>
        <source>Every task&apos;s span, milestones and light across the year</source>
        <translation>全年各任务的起止时间、时间节点和状态</translation>
    </message>
    <message>
        <source>&amp;Due Soon</source>
        <translation>近期时间节点(&amp;D)</translation>
    </message>
    <message>
        <source>Milestones and deadlines due soon or missed, by unit</source>
        <translation>按牵头单位列出即将到期和已过期的时间节点与完成时限</translation>
    </message>
    <message>
        <source>&amp;Check File…</source>
        <translation>检查文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Check the plan file&apos;s integrity</source>
        <translation>检查计划文件是否完好</translation>
    </message>
    <message>
        <source>&amp;About planner-gui</source>
        <translation>关于 planner-gui(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>The plan&apos;s year, status rules and reporting cycle</source>
        <translation>计划年度、状态规则和报送周期</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>%s cannot be opened:
%s</source>
        <translation>无法打开 %s：
%s</translation>
    </message>
    <message>
        <source>Cannot open plan file</source>
        <translation>无法打开计划文件</translation>
    </message>
    <message>
        <source>Open Another File…</source>
        <translation>打开其他文件…</translation>
    </message>
    <message>
        <source>Open Plan File</source>
        <translation>打开计划文件</translation>
    </message>
    <message>
        <source>Plan files (*.sqlite *.db *.planner);;All files (*)</source>
        <translation>计划文件 (*.sqlite *.db *.planner);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>your plan file</source>
        <translation>您的计划文件</translation>
    </message>
</context>
<context>
    <name>AreaEditor</name>
    <message>
        <source>Roll-up</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>As of {0}</source>
        <translation>截至 {0}</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>修改{0}</translation>
    </message>
    <message>
        <source>Not saved — {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>%1

%2

The plan file was not changed.</source>
        <translation>%1

%2

计划文件未被修改。</translation>
    </message>
    <message>
        <source>%1

The file is damaged:
%2

Restore a backup (File, Restore from Backup).</source>
        <translation>%1

文件已损坏：
%2

请恢复备份（文件 &gt; 从备份恢复）。</translation>
    </message>
    <message>
        <source>%1

The file is sound: every page, index and reference checked.</source>
        <translation>%1

文件完好：所有页面、索引和引用均已检查。</translation>
    </message>
    <message>
        <source>%1 is open read-only; nothing was changed.</source>
        <translation>%1 以只读方式打开，未作任何修改。</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>已备份</translation>
    </message>
    <message>
        <source>Cannot back up</source>
        <translation>无法备份</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>Replace the whole content of
%1
with the backup
%2?

The current content is backed up first, so this can be undone by restoring that backup.</source>
        <translation>用备份
%2
替换
%1
的全部内容吗？

会先备份当前内容，因此可以通过恢复该备份来撤销此操作。</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Restored %1.

The content before the restore is saved in
%2</source>
        <translation>已恢复 %1。

恢复前的内容保存在
%2</translation>
    </message>
    <message>
        <source>The plan is backed up to
%1</source>
        <translation>计划已备份到
%1</translation>
    </message>
    <message>
        <source>backed up by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前备份</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前备份</translation>
    </message>
    <message>
        <source>before the file format was upgraded</source>
        <translation>文件格式升级前备份</translation>
    </message>
    <message>
        <source>daily backup</source>
        <translation>每日备份</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Progress (%)</source>
        <translation>进度（%）</translation>
    </message>
    <message>
        <source>Planned (序时进度)</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际进度</translation>
    </message>
    <message>
        <source>done on {0}</source>
        <translation>{0} 完成</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>时间节点</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>量化指标</translation>
    </message>
    <message>
        <source>Indicators (% of target)</source>
        <translation>量化指标（完成目标的百分比）</translation>
    </message>
    <message>
        <source>No indicators for this task</source>
        <translation>此任务没有指标</translation>
    </message>
    <message>
        <source>Roll-up progress</source>
        <translation>汇总进度</translation>
    </message>
    <message>
        <source>Work items</source>
        <translation>工作事项</translation>
    </message>
</context>
<context>
    <name>ChartSlot</name>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Preparing the chart…</source>
        <translation>正在准备图表…</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>%1 forms in %2</source>
        <translation>%2 中共 %1 份报送表</translation>
    </message>
    <message>
        <source>%1 in %2 is not a number</source>
        <translation>%2 中的 %1 不是数字</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation>%1 是文件，不是文件夹</translation>
    </message>
    <message>
        <source>%1 is far from the plan&apos;s year %2; give --any-date if it is meant</source>
        <translation>%1 与计划年度 %2 相差太远；如确是此日期，请加 --any-date</translation>
    </message>
    <message>
        <source>%1 is not NAME=VALUE</source>
        <translation>%1 不是“名称=数值”的形式</translation>
    </message>
    <message>
        <source>%1 is not a date (YYYY-MM-DD)</source>
        <translation>%1 不是日期（应为 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>%1 is not a plausible year</source>
        <translation>%1 不是合理的年份</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 不是整数</translation>
    </message>
    <message>
        <source>%1 matches %2 tasks; give more of the id</source>
        <translation>%1 与 %2 项任务相符；请给出更长的编号</translation>
    </message>
    <message>
        <source>%1 must not be negative</source>
        <translation>%1 不能为负数</translation>
    </message>
    <message>
        <source>%1 tasks</source>
        <translation>%1 项任务</translation>
    </message>
    <message>
        <source>%1 — as of %2</source>
        <translation>%1 — 截至 %2</translation>
    </message>
    <message>
        <source>%1: damaged (%2); restore a backup with &apos;planner-cli restore&apos;</source>
        <translation>%1：文件已损坏（%2）；请用 &apos;planner-cli restore&apos; 恢复备份</translation>
    </message>
    <message>
        <source>%1: ok (full check)</source>
        <translation>%1：完好（完整检查）</translation>
    </message>
    <message>
        <source>%1: ok (quick check)</source>
        <translation>%1：完好（快速检查）</translation>
    </message>
    <message>
        <source>%1: the file name must end in %2</source>
        <translation>%1：文件名须以 %2 结尾</translation>
    </message>
    <message>
        <source>%1: the folder %2 does not exist</source>
        <translation>%1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <source>--letter-only needs --leader NAME</source>
        <translation>--letter-only 需要同时给出 --leader 领导姓名</translation>
    </message>
    <message>
        <source>; %1 tasks already there were left out</source>
        <translation>；%1 项已有的任务未重复添加</translation>
    </message>
    <message>
        <source>; planner-cli --help lists them</source>
        <translation>；planner-cli --help 列出全部命令</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Read a plan document&apos;s text (UTF-8 or GB18030) and add the areas, tasks, indicators and deadlines it states to the plan file. Use --dry-run to see the proposal first.</source>
        <translation>读取计划文件的文字（UTF-8 或 GB18030），将其中列出的方面、任务、指标和完成时限添加到计划文件中。可先用 --dry-run 查看识别结果。</translation>
    </message>
    <message>
        <source>Work with planner-gui plan files without the window.</source>
        <translation>不打开窗口，处理 planner-gui 计划文件。</translation>
    </message>
    <message>
        <source>Write the summary for the leaders&apos; review: A4 PDF with an embedded Chinese font, or one self-contained HTML file when --out ends in .html. With --leader the leader&apos;s target responsibility letter (目标责任书) follows.</source>
        <translation>生成供领导审阅的汇总材料：A4 PDF（内嵌中文字体），--out 以 .html 结尾时生成一个独立的 HTML 文件。给出 --leader 时，其后附该领导的目标责任书。</translation>
    </message>
    <message>
        <source>a backup file (see &apos;planner-cli backups&apos;)</source>
        <translation>备份文件（见 &apos;planner-cli backups&apos;）</translation>
    </message>
    <message>
        <source>a planner-gui/1 JSON file</source>
        <translation>planner-gui/1 格式的 JSON 文件</translation>
    </message>
    <message>
        <source>a report form&apos;s rows that a department added become new tasks (without it they are only listed)</source>
        <translation>各部门在报送表中新增的行作为新任务加入（不加此项时只列出）</translation>
    </message>
    <message>
        <source>a text file: a task-division notice, work report or news report</source>
        <translation>文本文件：任务分工通知、工作报告或新闻报道</translation>
    </message>
    <message>
        <source>accept a date more than %1 year from the plan&apos;s year</source>
        <translation>允许与计划年度相差超过 %1 年的日期</translation>
    </message>
    <message>
        <source>add one timeline page per area (each task&apos;s span, milestones and light)</source>
        <translation>每个方面加一页时间轴（各任务的起止、时间节点和红黄绿灯）</translation>
    </message>
    <message>
        <source>added %1 tasks to %2: %3 new areas, %4 matched existing areas</source>
        <translation>已向 %2 添加 %1 项任务：新增 %3 个方面，%4 个与已有方面相符</translation>
    </message>
    <message>
        <source>added update %1 to task %2</source>
        <translation>已为任务 %2 添加进展 %1</translation>
    </message>
    <message>
        <source>an empty plan instead of the bundled one</source>
        <translation>新建空计划，而不是自带计划</translation>
    </message>
    <message>
        <source>an indicator reading; may be repeated</source>
        <translation>指标当前值；可重复给出</translation>
    </message>
    <message>
        <source>append a dated progress update to a task</source>
        <translation>为任务添加一条注明日期的进展情况</translation>
    </message>
    <message>
        <source>backed up %1 to %2</source>
        <translation>已将 %1 备份到 %2</translation>
    </message>
    <message>
        <source>check a plan file&apos;s integrity without changing it</source>
        <translation>检查计划文件是否完好，不作任何修改</translation>
    </message>
    <message>
        <source>copy the plan file now (SQLite backup API)</source>
        <translation>立即备份计划文件（SQLite 备份接口）</translation>
    </message>
    <message>
        <source>create a plan file from the bundled plan (or an empty one)</source>
        <translation>用自带计划（或空计划）新建计划文件</translation>
    </message>
    <message>
        <source>created %1: %2 areas, %3 tasks</source>
        <translation>已新建 %1：%2 个方面，%3 项任务</translation>
    </message>
    <message>
        <source>created %1: %2 areas, %3 tasks, %4 indicators, %5 milestones, %6 updates in %7 s</source>
        <translation>已新建 %1：%2 个方面，%3 项任务，%4 个指标，%5 个时间节点，%6 条进展，用时 %7 秒</translation>
    </message>
    <message>
        <source>date of the update (default: today)</source>
        <translation>进展日期（默认：今天）</translation>
    </message>
    <message>
        <source>dry run: nothing was changed</source>
        <translation>试运行：未作任何修改</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>完成时限 %1</translation>
    </message>
    <message>
        <source>error:</source>
        <translation>错误:</translation>
    </message>
    <message>
        <source>figures as of this date (default: today, kept inside the plan&apos;s year)</source>
        <translation>截至该日期的数据（默认：今天，限于计划年度之内）</translation>
    </message>
    <message>
        <source>file to write, in a folder that exists (default: standard output)</source>
        <translation>要写入的文件，所在文件夹须已存在（默认：标准输出）</translation>
    </message>
    <message>
        <source>folder for the forms (made if new; the folder it is in must exist)</source>
        <translation>存放报送表的文件夹（不存在则新建；其上级文件夹须已存在）</translation>
    </message>
    <message>
        <source>import or merge a ledger (.xlsx, .xls, .ods or .csv) or a filled report form</source>
        <translation>导入或合并台账（.xlsx、.xls、.ods 或 .csv）或已填写的报送表</translation>
    </message>
    <message>
        <source>imported %1 into %2: %3 areas, %4 tasks</source>
        <translation>已将 %1 导入 %2：%3 个方面，%4 项任务</translation>
    </message>
    <message>
        <source>is the plan file itself; choose another file for the copy</source>
        <translation>就是计划文件本身；请为副本另选一个文件</translation>
    </message>
    <message>
        <source>it says nothing: give --progress, --note, --problems, --next-steps or --indicator</source>
        <translation>这条进展没有任何内容：请给出 --progress、--note、--problems、--next-steps 或 --indicator</translation>
    </message>
    <message>
        <source>language of the headings</source>
        <translation>表头的语言</translation>
    </message>
    <message>
        <source>leave out the charts</source>
        <translation>不含图表</translation>
    </message>
    <message>
        <source>leave out the progress texts (latest progress, highlights)</source>
        <translation>不含进展文字（最新进展、亮点）</translation>
    </message>
    <message>
        <source>lights, planned and actual progress as of a date</source>
        <translation>截至某日的红黄绿灯、序时进度和实际进度</translation>
    </message>
    <message>
        <source>list the plan file&apos;s backups, newest first</source>
        <translation>列出计划文件的备份，最新的在前</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>输出机器可读的 JSON</translation>
    </message>
    <message>
        <source>mark as a highlight (亮点)</source>
        <translation>标记为亮点</translation>
    </message>
    <message>
        <source>milestone</source>
        <translation>时间节点</translation>
    </message>
    <message>
        <source>next steps (下步计划)</source>
        <translation>下步计划</translation>
    </message>
    <message>
        <source>no areas or tasks found in the text; nothing added</source>
        <translation>文字中没有找到方面或任务；未添加任何内容</translation>
    </message>
    <message>
        <source>no backups of %1 yet (folder %2)</source>
        <translation>%1 还没有备份（备份文件夹 %2）</translation>
    </message>
    <message>
        <source>no task with id %1</source>
        <translation>没有编号为 %1 的任务</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>not reported: %1</source>
        <translation>未报送：%1</translation>
    </message>
    <message>
        <source>note:</source>
        <translation>注意：</translation>
    </message>
    <message>
        <source>one form per lead unit or leader</source>
        <translation>按牵头单位或责任领导分别生成</translation>
    </message>
    <message>
        <source>one report form workbook per unit or leader</source>
        <translation>为每个单位或每位领导各生成一份报送表</translation>
    </message>
    <message>
        <source>only this area (方面)</source>
        <translation>只含该方面</translation>
    </message>
    <message>
        <source>only this responsible leader&apos;s tasks, with the leader&apos;s letter</source>
        <translation>只含该责任领导的任务，并附其目标责任书</translation>
    </message>
    <message>
        <source>only this task: its id, any unique start of the id, or its exact title</source>
        <translation>只看该任务：任务编号、编号中唯一的开头部分，或完整的任务名称</translation>
    </message>
    <message>
        <source>only this unit&apos;s tasks</source>
        <translation>只含该单位的任务</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <source>print the proposal as planner-gui/1 JSON</source>
        <translation>以 planner-gui/1 JSON 输出识别结果</translation>
    </message>
    <message>
        <source>print-ready summary as PDF (or HTML with --out FILE.html)</source>
        <translation>可打印的汇总材料，PDF 格式（--out 文件名以 .html 结尾时为 HTML）</translation>
    </message>
    <message>
        <source>problems met (存在问题)</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>progress %1</source>
        <translation>总进度 %1</translation>
    </message>
    <message>
        <source>progress 0 to 100</source>
        <translation>进度，0 到 100</translation>
    </message>
    <message>
        <source>progress updates in all (default 200000)</source>
        <translation>进展情况总数（默认 200000）</translation>
    </message>
    <message>
        <source>put a backup back (the current content is backed up first)</source>
        <translation>恢复一个备份（先备份当前内容）</translation>
    </message>
    <message>
        <source>read a plan document (.txt) and add the areas and tasks it states</source>
        <translation>读取计划文件（.txt），添加其中列出的方面和任务</translation>
    </message>
    <message>
        <source>rep</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>replace the plan in a file with a JSON plan</source>
        <translation>用 JSON 计划替换文件中的计划</translation>
    </message>
    <message>
        <source>report language (default zh)</source>
        <translation>汇总材料的语言（默认 zh）</translation>
    </message>
    <message>
        <source>restored %1 into %2: %3 areas, %4 tasks; the previous content is saved in %5</source>
        <translation>已将 %1 恢复到 %2：%3 个方面，%4 项任务；原来的内容保存在 %5</translation>
    </message>
    <message>
        <source>show the proposal and change nothing</source>
        <translation>只显示识别结果，不作任何修改</translation>
    </message>
    <message>
        <source>show what would change, change nothing</source>
        <translation>只显示将作的修改，不作任何修改</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>tasks in all (default 10000)</source>
        <translation>任务总数（默认 10000）</translation>
    </message>
    <message>
        <source>the .xlsx file to write (in a folder that exists)</source>
        <translation>要写入的 .xlsx 文件（所在文件夹须已存在）</translation>
    </message>
    <message>
        <source>the file to write (.pdf, or .html / .htm for HTML), in a folder that exists</source>
        <translation>要写入的文件（.pdf，或 HTML 用 .html / .htm），所在文件夹须已存在</translation>
    </message>
    <message>
        <source>the full check (every index and reference), not just the quick one</source>
        <translation>完整检查（所有索引和引用），而不只是快速检查</translation>
    </message>
    <message>
        <source>the ledger, report form or CSV file</source>
        <translation>台账、报送表或 CSV 文件</translation>
    </message>
    <message>
        <source>the new plan file to write</source>
        <translation>要新建的计划文件</translation>
    </message>
    <message>
        <source>the plan file (default: %1)</source>
        <translation>计划文件（默认：%1）</translation>
    </message>
    <message>
        <source>the plan&apos;s year (default 2024)</source>
        <translation>计划年度（默认 2024）</translation>
    </message>
    <message>
        <source>the plan&apos;s year (default: read from the text)</source>
        <translation>计划年度（默认：从文字中读取）</translation>
    </message>
    <message>
        <source>the same seed gives the same file</source>
        <translation>相同的种子生成相同的文件</translation>
    </message>
    <message>
        <source>the task: its id, any unique start of the id, or its exact title</source>
        <translation>任务：任务编号、编号中唯一的开头部分，或完整的任务名称</translation>
    </message>
    <message>
        <source>the year of an empty plan</source>
        <translation>空计划的年度</translation>
    </message>
    <message>
        <source>title</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <source>what was done (进展情况)</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>who reports</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>with --dry-run: print the resulting plan as planner-gui/1 JSON</source>
        <translation>与 --dry-run 一起：以 planner-gui/1 JSON 输出修改后的计划</translation>
    </message>
    <message>
        <source>with --leader: only the responsibility letter</source>
        <translation>与 --leader 一起：只生成目标责任书</translation>
    </message>
    <message>
        <source>with --leader: only the summary, no letter</source>
        <translation>与 --leader 一起：只生成汇总材料，不附责任书</translation>
    </message>
    <message>
        <source>work items: %1</source>
        <translation>工作事项：%1</translation>
    </message>
    <message>
        <source>write a synthetic plan (areas, nested tasks, a year of updates) to a new file</source>
        <translation>将一份演示计划（方面、多级任务、一年的进展）写入新文件</translation>
    </message>
    <message>
        <source>write the copy here, in a folder that exists (default: the plan&apos;s backup folder)</source>
        <translation>将副本写到此处，所在文件夹须已存在（默认：该计划的备份文件夹）</translation>
    </message>
    <message>
        <source>write the plan as an Excel ledger (台账)</source>
        <translation>将计划导出为 Excel 台账</translation>
    </message>
    <message>
        <source>write the whole plan as JSON (planner-gui/1)</source>
        <translation>将整个计划导出为 JSON（planner-gui/1）</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>wrote %1: %2 task rows</source>
        <translation>已写入 %1：%2 行任务</translation>
    </message>
    <message>
        <source>wrote %1: %2 task rows, %3 pages</source>
        <translation>已写入 %1：%2 行任务，%3 页</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Add area %1</source>
        <translation>添加方面 %1</translation>
    </message>
    <message>
        <source>Add indicator %1</source>
        <translation>添加指标 %1</translation>
    </message>
    <message>
        <source>Add milestone %1</source>
        <translation>添加时间节点 %1</translation>
    </message>
    <message>
        <source>Add progress update</source>
        <translation>添加进展情况</translation>
    </message>
    <message>
        <source>Add task %1</source>
        <translation>添加任务 %1</translation>
    </message>
    <message>
        <source>Delete area</source>
        <translation>删除方面</translation>
    </message>
    <message>
        <source>Delete area %1</source>
        <translation>删除方面 %1</translation>
    </message>
    <message>
        <source>Delete indicator</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>Delete milestone</source>
        <translation>删除时间节点</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Delete task %1</source>
        <translation>删除任务 %1</translation>
    </message>
    <message>
        <source>Move area</source>
        <translation>移动方面</translation>
    </message>
    <message>
        <source>Move task</source>
        <translation>移动任务</translation>
    </message>
</context>
<context>
    <name>CommitNumberBox</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>ConnectOffice</name>
    <message>
        <source>%s is not an address of the form ws://host:port</source>
        <translation>%s 不是 ws://主机:端口 形式的地址</translation>
    </message>
    <message>
        <source>Connect to office</source>
        <translation>连接督查室</translation>
    </message>
    <message>
        <source>Connected to the office</source>
        <translation>已连接督查室</translation>
    </message>
    <message>
        <source>Disconnected from the office</source>
        <translation>已断开与督查室的连接</translation>
    </message>
    <message>
        <source>Disconnected from the office: another file was opened</source>
        <translation>已断开与督查室的连接：打开了另一个文件</translation>
    </message>
    <message>
        <source>Live sync</source>
        <translation>实时同步</translation>
    </message>
    <message>
        <source>The office&apos;s address (ws://host:port):</source>
        <translation>督查室的地址（ws://主机:端口）：</translation>
    </message>
    <message>
        <source>The plan file is open read-only.</source>
        <translation>计划文件以只读方式打开。</translation>
    </message>
    <message>
        <source>The token the office gave you:</source>
        <translation>督查室给您的口令：</translation>
    </message>
    <message>
        <source>Working on this copy; the office is not connected (%s)</source>
        <translation>正在本副本上工作；未连接督查室（%s）</translation>
    </message>
    <message>
        <source>the connection to the office was closed</source>
        <translation>与督查室的连接已关闭</translation>
    </message>
    <message>
        <source>the office refused the token</source>
        <translation>督查室拒绝了该口令</translation>
    </message>
    <message>
        <source>the office serves another plan</source>
        <translation>督查室服务的是另一份计划</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Type a date such as 2024-06-25, 2024/6/25 or 2024年6月25日, or pick one from the calendar (Alt+Down)</source>
        <translation>可输入 2024-06-25、2024/6/25 或 2024年6月25日 这样的日期，或从日历中选择（Alt+↓）</translation>
    </message>
    <message>
        <source>Pick from the calendar</source>
        <translation>从日历中选择</translation>
    </message>
    <message>
        <source>“{0}” is not a date: type it as 2024-06-25</source>
        <translation>“{0}”不是日期，请按 2024-06-25 的格式输入</translation>
    </message>
    <message>
        <source>a date is needed</source>
        <translation>需要填写日期</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Select the plan, an area or a task to see and edit it here.</source>
        <translation>选择计划、方面或任务，即可在此查看和修改。</translation>
    </message>
    <message>
        <source>“%s” is hidden by the filter: clear the filter to see and edit it.</source>
        <translation>“%s”被筛选条件隐藏：清除筛选后即可查看和编辑。</translation>
    </message>
</context>
<context>
    <name>DueSoon</name>
    <message>
        <source>%d due, %d missed</source>
        <translation>到期 %d 项，已过期 %d 项</translation>
    </message>
    <message>
        <source>%s (missed)</source>
        <translation>%s（已过期）</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>（未明确牵头单位）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Due Soon</source>
        <translation>近期时间节点</translation>
    </message>
    <message>
        <source>Due Soon (%d)</source>
        <translation>近期时间节点（%d）</translation>
    </message>
    <message>
        <source>Milestone or deadline</source>
        <translation>时间节点或完成时限</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
</context>
<context>
    <name>ExportSummaryDialog</name>
    <message>
        <source>Export summary</source>
        <translation>导出汇总材料</translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation>整个计划</translation>
    </message>
    <message>
        <source>An area</source>
        <translation>某个方面</translation>
    </message>
    <message>
        <source>A responsible leader</source>
        <translation>某位责任领导</translation>
    </message>
    <message>
        <source>A unit</source>
        <translation>某个单位</translation>
    </message>
    <message numerus="yes">
        <source>The current filter (work items: %n)</source>
        <translation>
            <numerusform>当前筛选结果（工作事项：%n 项）</numerusform>
        </translation>
    </message>
    <message>
        <source>Include charts</source>
        <translation>包含图表</translation>
    </message>
    <message>
        <source>Include progress texts</source>
        <translation>包含进展情况文字</translation>
    </message>
    <message>
        <source>Add the leader&apos;s responsibility letter</source>
        <translation>附上领导责任函</translation>
    </message>
    <message>
        <source>Add a timeline page per area</source>
        <translation>每个方面附一页时间轴</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>The plan names no one for this scope yet.</source>
        <translation>计划中尚未为此范围填写人员或单位。</translation>
    </message>
    <message>
        <source>Preparing the summary…</source>
        <translation>正在生成汇总材料…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cannot make the summary</source>
        <translation>无法生成汇总材料</translation>
    </message>
    <message>
        <source>Preview of the summary</source>
        <translation>汇总材料预览</translation>
    </message>
    <message>
        <source>Save summary</source>
        <translation>保存汇总材料</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation>已取消导出，未写入任何文件</translation>
    </message>
    <message>
        <source>Cannot save the summary</source>
        <translation>无法保存汇总材料</translation>
    </message>
    <message>
        <source>Saved %s</source>
        <translation>已保存 %s</translation>
    </message>
</context>
<context>
    <name>FileGuard</name>
    <message>
        <source>%1

cannot be changed (the file or its folder is read-only), so it is open for reading only. To keep working, save a copy elsewhere (File, Back up now, or planner-cli backup --out).</source>
        <translation>%1

无法修改（文件或所在文件夹为只读），因此以只读方式打开。如需继续工作，请将副本保存到其他位置（文件 &gt; 立即备份，或 planner-cli backup --out）。</translation>
    </message>
    <message>
        <source>%1

cannot be opened: %2

The file has not been changed.</source>
        <translation>%1

无法打开：%2

文件未被修改。</translation>
    </message>
    <message>
        <source>%1

is already open in another planner-gui window (%2). Two windows changing the same file could confuse each other&apos;s work.

Open it read-only?</source>
        <translation>%1

已在另一个 planner-gui 窗口中打开（%2）。两个窗口同时修改同一文件可能相互干扰。

以只读方式打开吗？</translation>
    </message>
    <message>
        <source>%1

is on a network share (%2). SQLite cannot keep a file there safe from two PCs writing at once, so it is open for reading only. Save a copy on this PC&apos;s disk (File, Save a Copy As) and exchange changes with the other copies through File, Sync.</source>
        <translation>%1

位于网络共享（%2）上。SQLite 无法保证两台电脑同时写入时该处文件的安全，因此以只读方式打开。请在本机磁盘上另存一份副本（文件，另存副本），并通过“文件，同步”与其他副本交换更改。</translation>
    </message>
    <message>
        <source>Cannot open plan file</source>
        <translation>无法打开计划文件</translation>
    </message>
    <message>
        <source>File already open</source>
        <translation>文件已被打开</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Read-only file</source>
        <translation>只读文件</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
    <message>
        <source>process %1 on %2</source>
        <translation>%2 上的进程 %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter: title, leader, unit, progress text…</source>
        <translation>筛选：名称、责任领导、单位、进展内容…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>Any leader</source>
        <translation>全部责任领导</translation>
    </message>
    <message>
        <source>Any unit</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Any area</source>
        <translation>全部方面</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>仅看逾期(&amp;O)</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>筛选文字</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>Filter by leader</source>
        <translation>按责任领导筛选</translation>
    </message>
    <message>
        <source>Filter by unit</source>
        <translation>按单位筛选</translation>
    </message>
    <message>
        <source>Filter by area</source>
        <translation>按方面筛选</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Progress text</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下步计划</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>亮点</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>指标数值</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import %s</source>
        <translation>导入 %s</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Conflict (not applied)</source>
        <translation>冲突（未导入）</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Add the %d rows the department added as new tasks</source>
        <translation>将报送单位新增的 %d 行作为新任务添加</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>The plan already holds everything in this file.</source>
        <translation>计划中已包含此文件的全部内容。</translation>
    </message>
    <message>
        <source>The plan is open read-only.</source>
        <translation>计划以只读方式打开。</translation>
    </message>
    <message>
        <source>New area</source>
        <translation>新方面</translation>
    </message>
    <message>
        <source>%d tasks</source>
        <translation>%d 项任务</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新任务</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>New update</source>
        <translation>新进展情况</translation>
    </message>
    <message>
        <source>New row (not added unless accepted)</source>
        <translation>新增行（勾选后才添加）</translation>
    </message>
    <message>
        <source>1 new area</source>
        <translation>新增 1 个方面</translation>
    </message>
    <message>
        <source>%d new areas</source>
        <translation>新增 %d 个方面</translation>
    </message>
    <message>
        <source>1 new task</source>
        <translation>新增 1 项任务</translation>
    </message>
    <message>
        <source>%d new tasks</source>
        <translation>新增 %d 项任务</translation>
    </message>
    <message>
        <source>1 changed field</source>
        <translation>修改 1 处字段</translation>
    </message>
    <message>
        <source>%d changed fields</source>
        <translation>修改 %d 处字段</translation>
    </message>
    <message>
        <source>1 new update</source>
        <translation>新增 1 条进展情况</translation>
    </message>
    <message>
        <source>%d new updates</source>
        <translation>新增 %d 条进展情况</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>1 处冲突</translation>
    </message>
    <message>
        <source>%d conflicts</source>
        <translation>%d 处冲突</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 个问题</translation>
    </message>
    <message>
        <source>%d problems</source>
        <translation>%d 个问题</translation>
    </message>
    <message>
        <source>%s: %s</source>
        <translation>%s：%s</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>没有需要修改的内容</translation>
    </message>
    <message>
        <source>%s: file %s, plan %s, exported %s</source>
        <translation>%s：文件 %s，计划 %s，导出于 %s</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Comparator</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基数</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>时间节点</translation>
    </message>
    <message>
        <source>Due (YYYY-MM-DD)</source>
        <translation>截止日期（年-月-日）</translation>
    </message>
    <message>
        <source>Done on (YYYY-MM-DD)</source>
        <translation>完成日期（年-月-日）</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>修改{0}</translation>
    </message>
</context>
<context>
    <name>JsonIO</name>
    <message>
        <source>%s was not changed:
%s</source>
        <translation>%s 未被修改：
%s</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Could not write %s:
%s</source>
        <translation>无法写入 %s：
%s</translation>
    </message>
    <message>
        <source>Export Plan JSON</source>
        <translation>导出计划 JSON</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Import %s</source>
        <translation>导入 %s</translation>
    </message>
    <message>
        <source>Import Plan JSON</source>
        <translation>导入计划 JSON</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Imported %s</source>
        <translation>已导入 %s</translation>
    </message>
    <message>
        <source>Plan JSON (*.json);;All files (*)</source>
        <translation>计划 JSON (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace everything in %s with the plan “%s” from %s (%d areas, %d tasks)?

Edit &gt; Undo takes the import back; a backup of the file as it is now is also kept (File &gt; Restore from backup).</source>
        <translation>将 %s 的全部内容替换为计划“%s”（来自 %s，%d 个方面，%d 项任务）吗？

可通过“编辑 &gt; 撤销”撤回此次导入；当前文件也会先备份（文件 &gt; 从备份恢复）。</translation>
    </message>
    <message>
        <source>Replace the plan?</source>
        <translation>替换计划吗？</translation>
    </message>
    <message>
        <source>Wrote %s</source>
        <translation>已写入 %s</translation>
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
    <name>LedgerDialogs</name>
    <message>
        <source>%s already exists; choose another file name.</source>
        <translation>%s 已存在，请另选文件名。</translation>
    </message>
    <message>
        <source>Another program changed the plan while the preview was open. Nothing was imported; import the file again to see an up-to-date preview.</source>
        <translation>预览期间计划已被其他程序修改，未导入任何内容；请重新导入该文件以查看最新预览。</translation>
    </message>
    <message>
        <source>Cannot create file</source>
        <translation>无法创建文件</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Could not write %s:
%s</source>
        <translation>无法写入 %s：
%s</translation>
    </message>
    <message>
        <source>Could not write the forms:
%s</source>
        <translation>无法写入报送表：
%s</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Export report forms</source>
        <translation>导出报送表</translation>
    </message>
    <message>
        <source>Folder for the report forms</source>
        <translation>报送表保存文件夹</translation>
    </message>
    <message>
        <source>Import %s</source>
        <translation>导入 %s</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>Ledgers (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>台账 (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Make:</source>
        <translation>生成：</translation>
    </message>
    <message>
        <source>New Plan File</source>
        <translation>新建计划文件</translation>
    </message>
    <message>
        <source>New plan from a ledger</source>
        <translation>从台账新建计划</translation>
    </message>
    <message>
        <source>No forms written</source>
        <translation>未生成报送表</translation>
    </message>
    <message>
        <source>No task has a lead unit or leader filled in, so there is nobody to send a form to.</source>
        <translation>没有任务填写了牵头单位或责任领导，因此无从发送报送表。</translation>
    </message>
    <message>
        <source>Nothing was changed.
%s</source>
        <translation>未作任何修改。
%s</translation>
    </message>
    <message>
        <source>One form per lead unit</source>
        <translation>每个牵头单位一份</translation>
    </message>
    <message>
        <source>One form per leader</source>
        <translation>每位责任领导一份</translation>
    </message>
    <message>
        <source>Plan files (*.sqlite *.db *.planner);;All files (*)</source>
        <translation>计划文件 (*.sqlite *.db *.planner);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %s…</source>
        <translation>正在读取 %s…</translation>
    </message>
    <message>
        <source>The plan changed</source>
        <translation>计划已被修改</translation>
    </message>
    <message>
        <source>Writing %s…</source>
        <translation>正在写入 %s…</translation>
    </message>
    <message>
        <source>Writing the report forms…</source>
        <translation>正在写入报送表…</translation>
    </message>
    <message>
        <source>Wrote %d report forms to %s</source>
        <translation>已将 %d 份报送表写入 %s</translation>
    </message>
    <message>
        <source>Wrote %s</source>
        <translation>已写入 %s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lights, progress and the chart are shown as of this date</source>
        <translation>指示灯、进度和图表均按此日期计算</translation>
    </message>
    <message>
        <source>Reading progress reports… %d%%</source>
        <translation>正在读取进展情况… %d%%</translation>
    </message>
    <message>
        <source>Some progress reports could not be read: the file is damaged</source>
        <translation>部分进展情况无法读取：计划文件已损坏</translation>
    </message>
    <message>
        <source>%s

The file has not been changed. The lights and figures shown leave out the progress reports that could not be read. File &gt; Check File… tells what is damaged; File &gt; Restore from Backup… goes back to a backup.</source>
        <translation>%s

文件未作任何改动。当前显示的状态灯和数字不包括无法读取的进展情况。“文件 &gt; 检查文件…”可查看损坏之处；“文件 &gt; 从备份恢复…”可恢复到某个备份。</translation>
    </message>
    <message>
        <source>Damaged plan file</source>
        <translation>计划文件已损坏</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>截至(&amp;A)：</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>%s

%s</source>
        <translation>%s

%s</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未修改</translation>
    </message>
    <message>
        <source>Cannot undo or redo</source>
        <translation>无法撤销或重做</translation>
    </message>
    <message>
        <source>Saved in %s</source>
        <translation>已保存到 %s</translation>
    </message>
    <message>
        <source>Reading progress reports…</source>
        <translation>正在读取进展情况…</translation>
    </message>
    <message>
        <source>%s — %s</source>
        <translation>%s — %s</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %s</source>
        <translation>重做(&amp;R) %s</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %s</source>
        <translation>撤销(&amp;U) %s</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>无法复制</translation>
    </message>
    <message>
        <source>Cannot create file</source>
        <translation>无法创建文件</translation>
    </message>
    <message>
        <source>Choose another file name than the open file.</source>
        <translation>请选择与当前打开文件不同的文件名。</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>New Plan File</source>
        <translation>新建计划文件</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open Plan File</source>
        <translation>打开计划文件</translation>
    </message>
    <message>
        <source>Plan files (*.sqlite *.db *.planner);;All files (*)</source>
        <translation>计划文件 (*.sqlite *.db *.planner);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Redo %s</source>
        <translation>重做 %s</translation>
    </message>
    <message>
        <source>Save a Copy As</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Saved a copy as %s</source>
        <translation>已另存副本为 %s</translation>
    </message>
    <message>
        <source>Start the new file with the bundled example plan (丰台区2024年度重点工作任务)?

Choose No for an empty plan of this year.</source>
        <translation>新文件是否以内置示例计划（丰台区2024年度重点工作任务）开始？

选择“否”则创建本年度的空白计划。</translation>
    </message>
    <message>
        <source>Undo %s</source>
        <translation>撤销 %s</translation>
    </message>
</context>
<context>
    <name>PlanDocument</name>
    <message>
        <source>The plan file is open read-only.</source>
        <translation>计划文件以只读方式打开。</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Entered</source>
        <translation>已录入</translation>
    </message>
    <message>
        <source>Status rules and reporting</source>
        <translation>状态规则与报送</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>每季度</translation>
    </message>
    <message>
        <source>Roll-up</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>As of {0}</source>
        <translation>截至 {0}</translation>
    </message>
    <message>
        <source>{0} areas, {1} tasks, {2} work items</source>
        <translation>{0} 个方面，{1} 项任务，{2} 项工作事项</translation>
    </message>
    <message>
        <source>{0} areas not entered</source>
        <translation>尚有 {0} 个方面未录入</translation>
    </message>
    <message>
        <source>{0} areas more than declared</source>
        <translation>比文件列明的多 {0} 个方面</translation>
    </message>
    <message>
        <source>{0} tasks not entered</source>
        <translation>尚有 {0} 项任务未录入</translation>
    </message>
    <message>
        <source>{0} tasks more than declared</source>
        <translation>比文件列明的多 {0} 项任务</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>修改{0}</translation>
    </message>
    <message>
        <source>Not saved — {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>Behind by more than (points)</source>
        <translation>滞后超过（百分点）</translation>
    </message>
    <message>
        <source>Declared areas</source>
        <translation>文件列明方面数</translation>
    </message>
    <message>
        <source>Declared tasks</source>
        <translation>文件列明任务数</translation>
    </message>
    <message>
        <source>Due soon within (days)</source>
        <translation>临期提醒（天数）</translation>
    </message>
    <message>
        <source>Reporting cycle</source>
        <translation>报送周期</translation>
    </message>
    <message>
        <source>Reports due by day</source>
        <translation>每期报送截止日</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tasks without a deadline are due by 31 December</source>
        <translation>未定完成时限的任务按年底（12月31日）考核</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
</context>
<context>
    <name>PlanSettingsDialog</name>
    <message>
        <source>Plan Settings</source>
        <translation>计划设置</translation>
    </message>
    <message>
        <source>Deadlines written in words (4月底前, 年内) are read in this year</source>
        <translation>用文字写的完成时限（如 4月底前、年内）按此年度理解</translation>
    </message>
    <message>
        <source>Status rules and reporting</source>
        <translation>状态规则与报送</translation>
    </message>
    <message>
        <source>Edit plan settings</source>
        <translation>修改计划设置</translation>
    </message>
    <message>
        <source>Not saved — {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>每季度</translation>
    </message>
</context>
<context>
    <name>PlanStatusBar</name>
    <message>
        <source>As of %1: outside the plan&apos;s year %2</source>
        <translation>截至 %1：不在计划年度（%2年）内</translation>
    </message>
    <message numerus="yes">
        <source>Work items shown: %n</source>
        <translation>
            <numerusform>显示工作事项：%n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Work items: %n</source>
        <translation>
            <numerusform>工作事项：%n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not reported: %n</source>
        <translation>
            <numerusform>未报送：%n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>责任领导</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>未报</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>读取中…</translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n 项未报</numerusform>
        </translation>
    </message>
    <message>
        <source>Tasks with no progress report for the current reporting cycle</source>
        <translation>本期尚未报送进展情况的任务</translation>
    </message>
    <message>
        <source>No progress report for the current reporting cycle</source>
        <translation>本期尚未报送进展情况</translation>
    </message>
    <message numerus="yes">
        <source>Work items %n</source>
        <translation>
            <numerusform>工作事项 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>planned %s%%</source>
        <translation>序时进度 %s%%</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>无完成时限</translation>
    </message>
</context>
<context>
    <name>PlanTreeView</name>
    <message>
        <source>Plan tree: areas, tasks and sub-tasks</source>
        <translation>计划树：方面、任务和子任务</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backups of %1
(the current content is backed up before a restore)</source>
        <translation>%1 的备份
（恢复前会先备份当前内容）</translation>
    </message>
    <message>
        <source>No backups yet. One is taken every day the file is opened, and before every import.</source>
        <translation>还没有备份。每天首次打开文件时以及每次导入前都会自动备份。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Other File…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>Restore from File</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>Plan files (*.sqlite *.db *.bak);;All files (*)</source>
        <translation>计划文件 (*.sqlite *.db *.bak);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>RollupBox</name>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Work items</source>
        <translation>工作事项</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>%s

The plan file was not changed.</source>
        <translation>%s

计划文件未被更改。</translation>
    </message>
    <message>
        <source>%s: %s %s, %s: %r (%s) is kept, %r (%s) was replaced</source>
        <translation>%s：%s %s，%s：保留 %r（%s），替换了 %r（%s）</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Cannot name the copy</source>
        <translation>无法指定副本所属</translation>
    </message>
    <message>
        <source>Changed on both sides: %s, %s: %r (%s) is kept, %r (%s) goes to the history</source>
        <translation>双方都改过：%s，%s：保留 %r（%s），%r（%s）记入历史</translation>
    </message>
    <message>
        <source>Changed on two copies at once</source>
        <translation>两份副本同时修改</translation>
    </message>
    <message>
        <source>Changes for:</source>
        <translation>更改发给：</translation>
    </message>
    <message>
        <source>Could not write %s:
%s</source>
        <translation>无法写入 %s：
%s</translation>
    </message>
    <message>
        <source>Everyone (the whole plan)</source>
        <translation>所有副本（整个计划）</translation>
    </message>
    <message>
        <source>Export changes</source>
        <translation>导出更改</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>From %s: %d tasks changed, %d updates added, %d fields changed on both sides, %d changes refused</source>
        <translation>来自 %s：%d 项任务有更改，新增 %d 条进展情况，%d 个字段双方都改过，%d 项更改被拒绝</translation>
    </message>
    <message>
        <source>From %s: nothing new, this copy has it all</source>
        <translation>来自 %s：没有新内容，本副本已全部具有</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import changes</source>
        <translation>导入更改</translation>
    </message>
    <message>
        <source>Import changes from %s</source>
        <translation>导入来自 %s 的更改</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Imported %s: %d tasks changed, %d updates added</source>
        <translation>已导入 %s：%d 项任务有更改，新增 %d 条进展情况</translation>
    </message>
    <message>
        <source>No field was changed on two copies at once.</source>
        <translation>没有字段被两份副本同时修改。</translation>
    </message>
    <message>
        <source>Plan sync packets (*.plansync);;All files (*)</source>
        <translation>计划同步包 (*.plansync);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Refused: %s</source>
        <translation>已拒绝：%s</translation>
    </message>
    <message>
        <source>Task changed: %s</source>
        <translation>任务有更改：%s</translation>
    </message>
    <message>
        <source>The plan file is open read-only.</source>
        <translation>计划文件以只读方式打开。</translation>
    </message>
    <message>
        <source>The supervision office</source>
        <translation>督查室</translation>
    </message>
    <message>
        <source>This copy of the plan has no owner yet. It belongs to:</source>
        <translation>这份计划副本尚未指定所属单位。它属于：</translation>
    </message>
    <message>
        <source>Whose copy is this?</source>
        <translation>这是谁的副本？</translation>
    </message>
    <message>
        <source>Wrote %s (%d bytes)</source>
        <translation>已写入 %s（%d 字节）</translation>
    </message>
</context>
<context>
    <name>TaskEditor</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Indicators and milestones</source>
        <translation>指标和时间节点</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>separate units with 、 or ,</source>
        <translation>多个单位用“、”或“,”分隔</translation>
    </message>
    <message>
        <source>empty: from updates, indicators and milestones</source>
        <translation>留空：按进展情况、指标和时间节点计算</translation>
    </message>
    <message>
        <source>Allow editing the source text</source>
        <translation>允许修改原文</translation>
    </message>
    <message>
        <source>Add indicator</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>Delete indicator</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>Add milestone</source>
        <translation>添加时间节点</translation>
    </message>
    <message>
        <source>Delete milestone</source>
        <translation>删除时间节点</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>修改{0}</translation>
    </message>
    <message>
        <source>Not saved — {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>New indicator</source>
        <translation>新指标</translation>
    </message>
    <message>
        <source>New indicator {0}</source>
        <translation>新指标 {0}</translation>
    </message>
    <message>
        <source>New milestone</source>
        <translation>新时间节点</translation>
    </message>
    <message>
        <source>Co-units</source>
        <translation>配合单位</translation>
    </message>
    <message>
        <source>Deadline in words</source>
        <translation>完成时限（原文）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>任务描述</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>责任领导</translation>
    </message>
    <message>
        <source>Municipal task</source>
        <translation>市级重点任务</translation>
    </message>
    <message>
        <source>Progress set directly</source>
        <translation>直接填写进度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>任务来源</translation>
    </message>
    <message>
        <source>Source text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>TaskFiguresBox</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
</context>
<context>
    <name>TextImport</name>
    <message>
        <source>Import from document text</source>
        <translation>从文稿文字导入</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>The plan file is open read-only.</source>
        <translation>计划文件以只读方式打开。</translation>
    </message>
</context>
<context>
    <name>TextImportDialog</name>
    <message>
        <source>Import from document text</source>
        <translation>从文稿文字导入</translation>
    </message>
    <message>
        <source>Paste the text of a plan document here, or open a .txt file.</source>
        <translation>在此粘贴计划文稿的文字，或打开一个 .txt 文件。</translation>
    </message>
    <message>
        <source>Open text file…</source>
        <translation>打开文本文件…</translation>
    </message>
    <message>
        <source>from the text</source>
        <translation>按文稿</translation>
    </message>
    <message>
        <source>The plan&apos;s year; deadlines like 年底 are read in it</source>
        <translation>计划所属年度；“年底”等时限按此年度理解</translation>
    </message>
    <message>
        <source>Read text</source>
        <translation>读取文字</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Area / task / indicator / milestone</source>
        <translation>方面 / 任务 / 指标 / 时间节点</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Comparator</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Move selected tasks to</source>
        <translation>将选中的任务移到</translation>
    </message>
    <message>
        <source>New area</source>
        <translation>新方面</translation>
    </message>
    <message>
        <source>Highlighted rows are guesses: check them (hover for why). Untick what should not be added; double-click to edit; drag a task onto another area.</source>
        <translation>突出显示的行是推测结果，请核对（鼠标悬停可查看原因）。不需要添加的请取消勾选；双击可修改；可将任务拖到其他方面。</translation>
    </message>
    <message>
        <source>Add to plan</source>
        <translation>添加到计划</translation>
    </message>
    <message>
        <source>Open text file</source>
        <translation>打开文本文件</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read file</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <source>The text is for %s; the open plan is for %s.</source>
        <translation>文稿属于 %s 年，而打开的计划属于 %s 年。</translation>
    </message>
    <message>
        <source>%s: year %s, %s areas, %s tasks proposed.</source>
        <translation>%s：年度 %s，拟添加 %s 个方面、%s 项任务。</translation>
    </message>
    <message>
        <source>imported from document text</source>
        <translation>从文稿文字导入</translation>
    </message>
    <message>
        <source>deadline %s is not a date</source>
        <translation>完成时限 %s 不是日期</translation>
    </message>
    <message>
        <source>comparator must be one of %s</source>
        <translation>比较方式必须是以下之一：%s</translation>
    </message>
    <message>
        <source>target %s is not a number</source>
        <translation>目标值 %s 不是数字</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>The plan file is open read-only; nothing was added.</source>
        <translation>计划文件以只读方式打开，未添加任何内容。</translation>
    </message>
    <message>
        <source>Check the proposal</source>
        <translation>核对拟添加内容</translation>
    </message>
    <message>
        <source>Nothing to add</source>
        <translation>没有可添加的内容</translation>
    </message>
    <message>
        <source>No task is ticked.</source>
        <translation>没有勾选任何任务。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Nothing was changed.
%s</source>
        <translation>未作任何修改。
%s</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Deadline: %s</source>
        <translation>完成时限：%s</translation>
    </message>
    <message>
        <source>Light: %s</source>
        <translation>状态：%s</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Planned progress: %s</source>
        <translation>序时进度：%s</translation>
    </message>
    <message>
        <source>Progress: %s</source>
        <translation>完成进度：%s</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Start: %s</source>
        <translation>开始：%s</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>not yet due</source>
        <translation>未到期</translation>
    </message>
</context>
<context>
    <name>TreeEditing</name>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>%d progress updates</source>
        <translation> %d 条进展情况</translation>
    </message>
    <message>
        <source>%d sub-tasks</source>
        <translation> %d 个子任务</translation>
    </message>
    <message>
        <source>1 progress update</source>
        <translation> 1 条进展情况</translation>
    </message>
    <message>
        <source>1 sub-task</source>
        <translation> 1 个子任务</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the area “%s” and its %d tasks?</source>
        <translation>删除方面“%s”及其 %d 项任务吗？</translation>
    </message>
    <message>
        <source>Delete the area “%s” and its task?</source>
        <translation>删除方面“%s”及其 1 项任务吗？</translation>
    </message>
    <message>
        <source>Delete the area “%s”?</source>
        <translation>删除方面“%s”吗？</translation>
    </message>
    <message>
        <source>Delete the task “%s” with its %s?</source>
        <translation>删除任务“%s”及其%s吗？</translation>
    </message>
    <message>
        <source>Delete the task “%s”?</source>
        <translation>删除任务“%s”吗？</translation>
    </message>
    <message>
        <source>New area</source>
        <translation>新方面</translation>
    </message>
    <message>
        <source>New sub-task</source>
        <translation>新子任务</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新任务</translation>
    </message>
    <message>
        <source>Rename area</source>
        <translation>重命名方面</translation>
    </message>
    <message>
        <source>Rename task</source>
        <translation>重命名任务</translation>
    </message>
    <message>
        <source>You can undo this with Edit &gt; Undo.</source>
        <translation>可以通过“编辑 &gt; 撤销”还原。</translation>
    </message>
</context>
<context>
    <name>TreePane</name>
    <message>
        <source>No task matches the filter.</source>
        <translation>没有符合筛选条件的任务。</translation>
    </message>
</context>
<context>
    <name>UpdateForm</name>
    <message>
        <source>no figure</source>
        <translation>不填进度</translation>
    </message>
    <message>
        <source>Highlight (亮点) for the summary</source>
        <translation>列为亮点（写入汇总材料）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>工作进展</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下步计划</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>Add progress update</source>
        <translation>添加进展情况</translation>
    </message>
    <message>
        <source>Add the update (Ctrl+Enter)</source>
        <translation>添加进展情况（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>reading, target {0}</source>
        <translation>数值，目标 {0}</translation>
    </message>
    <message>
        <source>{0}% is over 100%</source>
        <translation>{0}% 超过了 100%</translation>
    </message>
    <message>
        <source>Reading {0}: {1}</source>
        <translation>{0}数值：{1}</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>must be true or false</source>
        <translation>只能选“是”或“否”</translation>
    </message>
    <message>
        <source>must be a number of 0 or more</source>
        <translation>应为不小于 0 的数</translation>
    </message>
    <message>
        <source>must be a list of unit names</source>
        <translation>应为单位名称，用顿号或逗号分隔</translation>
    </message>
    <message>
        <source>must be one of {choices}</source>
        <translation>应为以下之一：{choices}</translation>
    </message>
    <message>
        <source>{value} is not a year</source>
        <translation>{value}不是年份</translation>
    </message>
    <message>
        <source>{year} is not a plausible year</source>
        <translation>{year}不是合理的年份</translation>
    </message>
    <message>
        <source>must be monthly or quarterly</source>
        <translation>应为按月或按季度</translation>
    </message>
    <message>
        <source>must be between {low} and {high}</source>
        <translation>应在 {low} 至 {high} 之间</translation>
    </message>
    <message>
        <source>must be a number from 0 to 100</source>
        <translation>应为 0 至 100 之间的数</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value}不是数字</translation>
    </message>
    <message>
        <source>{value} is outside 0 to 100</source>
        <translation>{value}不在 0 至 100 之间</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value}不是整数</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>{value} is more than {limit}</source>
        <translation>{value}超过 {limit}</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>应为数字</translation>
    </message>
    <message>
        <source>{value} is too large a number</source>
        <translation>{value}数值过大</translation>
    </message>
    <message>
        <source>{value} is not a finite number</source>
        <translation>{value}不是有限的数</translation>
    </message>
    <message>
        <source>{value} is not a date (YYYY-MM-DD)</source>
        <translation>{value}不是日期，请按 2024-06-25 的格式填写</translation>
    </message>
    <message>
        <source>deadline {due} is before the start {start}</source>
        <translation>完成时限 {due} 早于开始日期 {start}</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>is {length} characters long; at most {limit} are kept</source>
        <translation>长 {length} 个字，最多只能保留 {limit} 个字</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>应为文字</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>有歧义的选项：%(option)s 可能是 %(matches)s</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>%(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助并退出</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
</context>
</TS>
