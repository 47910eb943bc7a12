<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ContourPlot</name>
    <message>
        <source>Contour</source>
        <translation type="vanished">等高线图</translation>
    </message>
    <message>
        <source>x:</source>
        <translation type="vanished">x：</translation>
    </message>
    <message>
        <source>y:</source>
        <translation type="vanished">y：</translation>
    </message>
    <message>
        <source>The parameter along the horizontal axis</source>
        <translation type="vanished">横轴上的参数</translation>
    </message>
    <message>
        <source>The parameter along the vertical axis</source>
        <translation type="vanished">纵轴上的参数</translation>
    </message>
    <message>
        <source>%1: %2 %3, %4 %5, %6 %7</source>
        <translation type="vanished">%1：%2 %3，%4 %5，%6 %7</translation>
    </message>
</context>
<context>
    <name>EngineHost</name>
    <message>
        <source>An experiment is already running in this window; stop it first.</source>
        <translation type="vanished">此窗口中已有实验在运行；请先停止它。</translation>
    </message>
</context>
<context>
    <name>GanttChart</name>
    <message>
        <source>forward (F)</source>
        <translation type="vanished">前向（F）</translation>
    </message>
    <message>
        <source>backward (B)</source>
        <translation type="vanished">反向（B）</translation>
    </message>
    <message>
        <source>weight gradient (W)</source>
        <translation type="vanished">权重梯度（W）</translation>
    </message>
    <message>
        <source>idle (bubble)</source>
        <translation type="vanished">空闲（气泡）</translation>
    </message>
    <message>
        <source>faded: simulated from the trial's mean op durations</source>
        <translation type="vanished">淡色：按试验的平均操作时长模拟</translation>
    </message>
    <message>
        <source>outlined: measured, more than %1% off the simulation</source>
        <translation type="vanished">带边框：实测，与模拟相差超过 %1%</translation>
    </message>
    <message>
        <source>%1 measured: %2 to %3 (%4)</source>
        <translation type="vanished">%1 实测：%2 至 %3（%4）</translation>
    </message>
    <message>
        <source>%1 simulated: %2 to %3 (%4)</source>
        <translation type="vanished">%1 模拟：%2 至 %3（%4）</translation>
    </message>
    <message>
        <source>More than %1% off the simulation</source>
        <translation type="vanished">与模拟相差超过 %1%</translation>
    </message>
</context>
<context>
    <name>HistoryPlot</name>
    <message>
        <source>Optimization history</source>
        <translation type="vanished">优化历史</translation>
    </message>
    <message>
        <source>trial number</source>
        <translation type="vanished">试验序号</translation>
    </message>
    <message>
        <source>best so far</source>
        <translation type="vanished">当前最优</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation type="vanished">已剪枝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="vanished">失败</translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="vanished">已完成</translation>
    </message>
    <message>
        <source>selected</source>
        <translation type="vanished">选中</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation type="vanished">%1：%2 %3</translation>
    </message>
    <message>
        <source>%1 (pruned)</source>
        <translation type="vanished">%1（已剪枝）</translation>
    </message>
    <message>
        <source>%1 (failed)</source>
        <translation type="vanished">%1（失败）</translation>
    </message>
</context>
<context>
    <name>ImportancePlot</name>
    <message>
        <source>Parameter importance</source>
        <translation type="vanished">参数重要性</translation>
    </message>
    <message>
        <source>share of the objective's variance</source>
        <translation type="vanished">占目标方差的比例</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation type="vanished">参数</translation>
    </message>
    <message>
        <source>%1: %2%</source>
        <translation type="vanished">%1：%2%</translation>
    </message>
</context>
<context>
    <name>LearningCurvesPlot</name>
    <message>
        <source>Learning curves</source>
        <translation type="vanished">学习曲线</translation>
    </message>
    <message>
        <source>The metric drawn: any the trials reported</source>
        <translation type="vanished">绘制的指标：试验报告过的任意指标</translation>
    </message>
    <message>
        <source>smoothing </source>
        <translation type="vanished">平滑 </translation>
    </message>
    <message>
        <source>no smoothing</source>
        <translation type="vanished">不平滑</translation>
    </message>
    <message>
        <source>Exponential moving average of each curve, as in TensorBoard: 0 is off, 0.9 smooths strongly</source>
        <translation type="vanished">对每条曲线取指数移动平均，与 TensorBoard 相同：0 表示关闭，0.9 表示强平滑</translation>
    </message>
    <message>
        <source>Log y</source>
        <translation type="vanished">对数 y</translation>
    </message>
    <message>
        <source>A logarithmic value axis (values at or below zero are not drawn)</source>
        <translation type="vanished">对数数值轴（不绘制小于或等于零的值）</translation>
    </message>
    <message>
        <source>x: step</source>
        <translation type="vanished">x：步</translation>
    </message>
    <message>
        <source>x: time since start</source>
        <translation type="vanished">x：开始后的时间</translation>
    </message>
    <message>
        <source>x: wall time</source>
        <translation type="vanished">x：挂钟时间</translation>
    </message>
    <message>
        <source>What the x axis measures: the reported step, or when the point was reported</source>
        <translation type="vanished">x 轴的含义：报告的步数，或报告该点的时间</translation>
    </message>
    <message>
        <source>%1 (objective)</source>
        <translation type="vanished">%1（目标）</translation>
    </message>
    <message>
        <source>step</source>
        <translation type="vanished">步</translation>
    </message>
    <message>
        <source>time since the trial started (h:mm:ss)</source>
        <translation type="vanished">试验开始后的时间（h:mm:ss）</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation type="vanished">挂钟时间</translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="vanished">已完成</translation>
    </message>
    <message>
        <source>running</source>
        <translation type="vanished">运行中</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation type="vanished">已剪枝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="vanished">失败</translation>
    </message>
    <message>
        <source>single report</source>
        <translation type="vanished">单次报告</translation>
    </message>
    <message>
        <source>best: %1</source>
        <translation type="vanished">最优：%1</translation>
    </message>
    <message>
        <source>selected: %1</source>
        <translation type="vanished">选中：%1</translation>
    </message>
    <message>
        <source>%1 after the start</source>
        <translation type="vanished">开始后 %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation type="vanished">于 %1</translation>
    </message>
    <message>
        <source>at step %1</source>
        <translation type="vanished">第 %1 步</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4</source>
        <translation type="vanished">%1：%2 %3，%4</translation>
    </message>
    <message>
        <source>%1 (smoothed)</source>
        <translation type="vanished">%1（已平滑）</translation>
    </message>
</context>
<context>
    <name>ParallelCoordinatesPlot</name>
    <message>
        <source>Parallel coordinates</source>
        <translation type="vanished">平行坐标</translation>
    </message>
    <message>
        <source>Drag along an axis to filter the trials; click the axis to clear it</source>
        <translation type="vanished">沿坐标轴拖动以筛选试验；单击该轴可清除筛选</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="vanished">未生效</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation type="vanished">%1：%2 %3</translation>
    </message>
</context>
<context>
    <name>PlotExportDialog</name>
    <message>
        <source>Title</source>
        <translation type="vanished">标题</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="vanished">图例</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation type="vanished">导出图表</translation>
    </message>
    <message>
        <source> px</source>
        <translation type="vanished"> 像素</translation>
    </message>
    <message>
        <source>Dots per inch, stored in the file. Text and lines keep their point sizes at this DPI, so a higher DPI at the same pixel size means larger text.</source>
        <translation type="vanished">每英寸点数，保存在文件中。文字和线条在此 DPI 下保持各自的磅值，因此像素尺寸相同时，DPI 越高，文字越大。</translation>
    </message>
    <message>
        <source>the plot's title</source>
        <translation type="vanished">图表标题</translation>
    </message>
    <message>
        <source>What the colours and marks mean</source>
        <translation type="vanished">颜色和标记的含义</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="vanished">浏览...</translation>
    </message>
    <message>
        <source>Plot:</source>
        <translation type="vanished">图表：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="vanished">文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="vanished">格式：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="vanished">尺寸：</translation>
    </message>
    <message>
        <source>DPI:</source>
        <translation type="vanished">DPI：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="vanished">显示：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="vanished">导出</translation>
    </message>
    <message>
        <source>%1 × %2 in</source>
        <translation type="vanished">%1 × %2 英寸</translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation type="vanished">%1 (*.%2)</translation>
    </message>
    <message>
        <source>The plot is gone.</source>
        <translation type="vanished">图表已不存在。</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation type="vanished">请选择要写入的文件。</translation>
    </message>
    <message>
        <source>No plot is shown: open the Dashboard or the Pipeline tab first.</source>
        <translation type="vanished">没有显示图表：请先打开“仪表板”或“流水线”标签页。</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>Reset view</source>
        <translation type="vanished">重置视图</translation>
    </message>
    <message>
        <source>Show all data and follow new data again</source>
        <translation type="vanished">显示全部数据并重新跟随新数据</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation type="vanished">导出...</translation>
    </message>
    <message>
        <source>Save the plot as a PNG image, an SVG drawing or a PDF document, at a chosen size and DPI</source>
        <translation type="vanished">以选定的尺寸和 DPI 将图表保存为 PNG 图像、SVG 矢量图或 PDF 文档</translation>
    </message>
    <message>
        <source>Unknown export format "%1": use .png, .pdf or .svg.</source>
        <translation type="vanished">未知的导出格式“%1”：请使用 .png、.pdf 或 .svg。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="vanished">无法写入 %1。</translation>
    </message>
    <message>
        <source>trial %1 (#%2)</source>
        <translation type="vanished">试验 %1（#%2）</translation>
    </message>
    <message>
        <source>objective</source>
        <translation type="vanished">目标</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>Naive model parallelism (m = 1)</source>
        <translation type="vanished">朴素模型并行（m = 1）</translation>
    </message>
    <message>
        <source>GPipe (fill-drain)</source>
        <translation type="vanished">GPipe（填充-排空）</translation>
    </message>
    <message>
        <source>1F1B</source>
        <translation type="vanished">1F1B</translation>
    </message>
    <message>
        <source>Interleaved 1F1B</source>
        <translation type="vanished">交错 1F1B</translation>
    </message>
    <message>
        <source>ZB-H1 (zero bubble)</source>
        <translation type="vanished">ZB-H1（零气泡）</translation>
    </message>
    <message>
        <source>The schedule generator; an imported CSV shows as "Imported CSV"</source>
        <translation type="vanished">调度生成器；导入的 CSV 显示为“导入的 CSV”</translation>
    </message>
    <message>
        <source>Pipeline devices (ranks), p</source>
        <translation type="vanished">流水线设备数（rank），p</translation>
    </message>
    <message>
        <source>Micro-batches per mini-batch, m</source>
        <translation type="vanished">每个小批次的微批次数，m</translation>
    </message>
    <message>
        <source>Stages per device for interleaved 1F1B, v</source>
        <translation type="vanished">交错 1F1B 中每个设备的阶段数，v</translation>
    </message>
    <message>
        <source>Forward time of one micro-batch on one device (interleaved: split over its v stages)</source>
        <translation type="vanished">一个微批次在一个设备上的前向时间（交错：分摊到其 v 个阶段）</translation>
    </message>
    <message>
        <source>Backward time (input gradient when W is split)</source>
        <translation type="vanished">反向时间（拆分 W 时为输入梯度）</translation>
    </message>
    <message>
        <source>Weight-gradient time: a separate action for ZB-H1, added to B otherwise</source>
        <translation type="vanished">权重梯度时间：ZB-H1 中为单独的动作，否则计入 B</translation>
    </message>
    <message>
        <source>Added when an action waits for another device</source>
        <translation type="vanished">动作等待另一设备时增加的时间</translation>
    </message>
    <message>
        <source>Naive (m = 1)</source>
        <translation type="vanished">朴素（m = 1）</translation>
    </message>
    <message>
        <source>GPipe</source>
        <translation type="vanished">GPipe</translation>
    </message>
    <message>
        <source>ZB-H1</source>
        <translation type="vanished">ZB-H1</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="vanished">比较</translation>
    </message>
    <message>
        <source>Draw more schedules below this one, on the same time axis</source>
        <translation type="vanished">在其下方以同一时间轴绘制更多调度</translation>
    </message>
    <message>
        <source>Import PyTorch CSV...</source>
        <translation type="vanished">导入 PyTorch CSV...</translation>
    </message>
    <message>
        <source>Export PyTorch CSV...</source>
        <translation type="vanished">导出 PyTorch CSV...</translation>
    </message>
    <message>
        <source>Export Chrome trace...</source>
        <translation type="vanished">导出 Chrome 跟踪...</translation>
    </message>
    <message>
        <source>Schedule file</source>
        <translation type="vanished">调度文件</translation>
    </message>
    <message>
        <source>Exchange schedules with torch.distributed.pipelining and Perfetto</source>
        <translation type="vanished">与 torch.distributed.pipelining 和 Perfetto 交换调度</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation type="vanished">调度：</translation>
    </message>
    <message>
        <source>p:</source>
        <translation type="vanished">p：</translation>
    </message>
    <message>
        <source>m:</source>
        <translation type="vanished">m：</translation>
    </message>
    <message>
        <source>v:</source>
        <translation type="vanished">v：</translation>
    </message>
    <message>
        <source>F:</source>
        <translation type="vanished">F：</translation>
    </message>
    <message>
        <source>B:</source>
        <translation type="vanished">B：</translation>
    </message>
    <message>
        <source>W:</source>
        <translation type="vanished">W：</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation type="vanished">延迟：</translation>
    </message>
    <message>
        <source>As measured</source>
        <translation type="vanished">实测</translation>
    </message>
    <message>
        <source>Imported CSV</source>
        <translation type="vanished">导入的 CSV</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="vanished">%1：%2</translation>
    </message>
    <message>
        <source>Trial %1, step %2 (%3)</source>
        <translation type="vanished">试验 %1，第 %2 步（%3）</translation>
    </message>
    <message>
        <source>The measured order is not a complete schedule, so it is not simulated: %1</source>
        <translation type="vanished">实测的顺序不是完整的调度，因此不做模拟：%1</translation>
    </message>
    <message>
        <source>time (µs from the start of the step)</source>
        <translation type="vanished">时间（自该步开始的微秒数）</translation>
    </message>
    <message>
        <source>time (units of the op durations)</source>
        <translation type="vanished">时间（以操作时长为单位）</translation>
    </message>
    <message>
        <source>device %1 simulated</source>
        <translation type="vanished">设备 %1 模拟</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation type="vanished">设备 %1</translation>
    </message>
    <message>
        <source>peak activations %1</source>
        <translation type="vanished">峰值激活 %1</translation>
    </message>
    <message>
        <source>device %1 measured</source>
        <translation type="vanished">设备 %1 实测</translation>
    </message>
    <message>
        <source>peak memory %1</source>
        <translation type="vanished">峰值内存 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: p = %2, m = %3, v = %4</source>
        <translation type="vanished">&lt;b&gt;%1&lt;/b&gt;：p = %2，m = %3，v = %4</translation>
    </message>
    <message>
        <source>, makespan %1, simulated idle share %2</source>
        <translation type="vanished">，总时长 %1，模拟空闲占比 %2</translation>
    </message>
    <message>
        <source>, formula %1</source>
        <translation type="vanished">，公式 %1</translation>
    </message>
    <message>
        <source>, measured idle share %1</source>
        <translation type="vanished">，实测空闲占比 %1</translation>
    </message>
    <message>
        <source>  bubble %1</source>
        <translation type="vanished">  气泡 %1</translation>
    </message>
    <message>
        <source> (formula %1)</source>
        <translation type="vanished">（公式 %1）</translation>
    </message>
    <message>
        <source>, makespan %1</source>
        <translation type="vanished">，总时长 %1</translation>
    </message>
    <message>
        <source>Faded rows: the simulation from the trial's mean op durations per stage. Outlined: measured boxes more than %1% of the op off the simulation.</source>
        <translation type="vanished">淡色行：按该试验各阶段平均操作时长的模拟。带边框：与模拟相差超过该操作 %1% 的实测方块。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="vanished">无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a valid schedule: %2</source>
        <translation type="vanished">%1 不是有效的调度：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="vanished">无法写入 %1：%2</translation>
    </message>
    <message>
        <source>There is no schedule to export.</source>
        <translation type="vanished">没有可导出的调度。</translation>
    </message>
    <message>
        <source>This trial recorded no pipeline spans; run it with tunebench-train.</source>
        <translation type="vanished">此试验没有记录流水线时间段；请用 tunebench-train 运行它。</translation>
    </message>
    <message>
        <source>Import PyTorch CSV</source>
        <translation type="vanished">导入 PyTorch CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="vanished">CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation type="vanished">无法导入</translation>
    </message>
    <message>
        <source>Export PyTorch CSV</source>
        <translation type="vanished">导出 PyTorch CSV</translation>
    </message>
    <message>
        <source>Export Chrome trace</source>
        <translation type="vanished">导出 Chrome 跟踪</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="vanished">CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Chrome traces (*.json)</source>
        <translation type="vanished">Chrome 跟踪 (*.json)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation type="vanished">无法导出</translation>
    </message>
</context>
<context>
    <name>SlicePlot</name>
    <message>
        <source>Slice</source>
        <translation type="vanished">切片图</translation>
    </message>
    <message>
        <source>Parameter:</source>
        <translation type="vanished">参数：</translation>
    </message>
    <message>
        <source>The parameter along the horizontal axis</source>
        <translation type="vanished">横轴上的参数</translation>
    </message>
    <message>
        <source>trial number</source>
        <translation type="vanished">试验序号</translation>
    </message>
    <message>
        <source>%1: %2 %3, %4 %5</source>
        <translation type="vanished">%1：%2 %3，%4 %5</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>% of the device</source>
        <translation type="vanished">占设备的百分比</translation>
    </message>
    <message>
        <source>utilization (% of the device)</source>
        <translation type="vanished">利用率（占设备的百分比）</translation>
    </message>
    <message>
        <source>memory (share of the device's total)</source>
        <translation type="vanished">内存（占设备总量的比例）</translation>
    </message>
    <message>
        <source>a trial's own CPU use (its processes, in the trial's colour)</source>
        <translation type="vanished">试验自身的 CPU 使用率（其进程，以该试验的颜色显示）</translation>
    </message>
    <message>
        <source>No device samples recorded for this experiment yet</source>
        <translation type="vanished">此实验尚未记录设备采样</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="vanished">CPU</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation type="vanished">GPU %1</translation>
    </message>
    <message>
        <source>?</source>
        <translation type="vanished">？</translation>
    </message>
    <message>
        <source>another experiment on %1: '%2' in %3, trial %4</source>
        <translation type="vanished">%1 上的另一个实验：%3 中的“%2”，试验 %4</translation>
    </message>
    <message>
        <source>trial %1 (#%2)</source>
        <translation type="vanished">试验 %1（#%2）</translation>
    </message>
    <message>
        <source>trial %1</source>
        <translation type="vanished">试验 %1</translation>
    </message>
    <message>
        <source>%1 on %2: %3% util, %4 GiB</source>
        <translation type="vanished">%1 在 %2 上：利用率 %3%，%4 GiB</translation>
    </message>
    <message>
        <source>%1 on %2: its processes %3% (all: %4% util, %5 GiB)</source>
        <translation type="vanished">%1 在 %2 上：其进程 %3%（总计：利用率 %4%，%5 GiB）</translation>
    </message>
    <message>
        <source>%1: %2% util, %3 GiB</source>
        <translation type="vanished">%1：利用率 %2%，%3 GiB</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui_main.cpp" line="51" />
        <source>Hyperparameter optimization workbench</source>
        <translation>超参数优化工作台</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="24" />
        <source>Launch the bundled demo experiment.</source>
        <translation>启动内置的演示实验。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="26" />
        <source>Save a picture of each main view to DIR after SECONDS, then quit.</source>
        <translation>在 SECONDS 秒后把每个主视图的截图保存到 DIR，然后退出。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="27" />
        <source>Seconds before --screenshots.</source>
        <translation>--screenshots 之前等待的秒数。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="29" />
        <source>Open the Pipeline view on a PyTorch per-rank schedule CSV.</source>
        <translation>在流水线视图中打开 PyTorch 按 rank 的调度 CSV。</translation>
    </message>
    <message>
        <source>Draw VIEW (curves, history, parallel, importance, devices, pipeline) of an experiment to --output without a display, then exit.</source>
        <translation type="vanished">无需显示器，将实验的 VIEW 视图（curves、history、parallel、importance、devices、pipeline）绘制到 --output，然后退出。</translation>
    </message>
    <message>
        <source>Draw VIEW (curves, history, parallel, importance, devices, pipeline, slice, contour) of an experiment to --output without a display, then exit.</source>
        <translation type="vanished">无需显示器，把实验的 VIEW 视图（curves、history、parallel、importance、devices、pipeline、slice、contour）绘制到 --output，然后退出。</translation>
    </message>
    <message>
        <source>With --render slice or contour: the parameter across.</source>
        <translation type="vanished">与 --render slice 或 contour 一起使用：横轴上的参数。</translation>
    </message>
    <message>
        <source>With --render contour: the parameter up.</source>
        <translation type="vanished">与 --render contour 一起使用：纵轴上的参数。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="32" />
        <source>Draw VIEW (curves, history, parallel, importance, devices, pipeline, slice, contour, pareto) of an experiment to --output without a display, then exit.</source>
        <translation>无需显示器，把实验的 VIEW 视图（curves、history、parallel、importance、devices、pipeline、slice、contour、pareto）绘制到 --output，然后退出。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="35" />
        <source>With --render slice or contour: the parameter across; pareto: the objective.</source>
        <translation>与 --render slice 或 contour 一起使用：横轴上的参数；pareto：横轴上的目标。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="37" />
        <source>With --render contour: the parameter up; pareto: the objective.</source>
        <translation>与 --render contour 一起使用：纵轴上的参数；pareto：纵轴上的目标。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="39" />
        <source>With --render: the store.</source>
        <translation>与 --render 一起使用：存储文件。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="40" />
        <source>With --render: the experiment (default: the newest).</source>
        <translation>与 --render 一起使用：实验（默认：最新的实验）。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="42" />
        <source>With --render pipeline: the trial whose measured schedule to draw.</source>
        <translation>与 --render pipeline 一起使用：要绘制其实测调度的试验。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="44" />
        <source>With --render: FILE.png, FILE.svg or FILE.pdf.</source>
        <translation>与 --render 一起使用：FILE.png、FILE.svg 或 FILE.pdf。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="46" />
        <source>With --render: the picture's size (default 1200x800).</source>
        <translation>与 --render 一起使用：图片尺寸（默认 1200x800）。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="55" />
        <source>The store to open (default: the one in your data folder).</source>
        <translation>要打开的存储文件（默认：数据文件夹中的存储）。</translation>
    </message>
</context>
<context>
    <name>tb::algorithms::registry</name>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="10" />
        <source>'ipop' restarts from a random mean with a larger population when the search converges or stagnates; 'none' keeps the one run going.</source>
        <translation>'ipop'：搜索收敛或停滞时，以更大的种群从随机均值重新开始；'none'：一直沿用同一次运行。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="11" />
        <source>Asynchronous successive halving: at steps min_resource * reduction_factor^k a trial goes on only if it is among the best 1/reduction_factor of all trials that reached that step.</source>
        <translation>异步逐次减半（ASHA）：在第 min_resource * reduction_factor^k 步，只有位于到达该步的所有试验中最好的 1/reduction_factor 之列的试验才能继续。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="12" />
        <source>At most this many trials form the good set (it holds 10% of the trials, rounded up).</source>
        <translation>“好”集合最多包含这么多试验（占全部试验的 10%，向上取整）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="13" />
        <source>Best candidates refined by gradient ascent of the acquisition.</source>
        <translation>用采集函数的梯度上升细化的最佳候选点数。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="14" />
        <source>CMA-ES with IPOP restarts over the float and int parameters; strong on continuous problems with budgets of hundreds of trials and more. Categorical, fixed and conditional parameters fall back to independent uniform draws.</source>
        <translation>对浮点和整数参数使用带 IPOP 重启的 CMA-ES；适合预算为数百次以上试验的连续问题。类别、固定和条件参数退化为独立均匀采样。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="15" />
        <source>Candidates drawn from the good-trial model per suggestion; the best ratio l/g wins.</source>
        <translation>每次建议从“好”试验模型中抽取的候选数；l/g 比值最大者胜出。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="16" />
        <source>Chance that a child is bred from two parents rather than copied from one (then mutated).</source>
        <translation>子代由两个父代交叉产生（而不是复制一个父代后再变异）的概率。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="17" />
        <source>Chance that a child takes a parameter from its second parent (uniform crossover of categoricals, and of numbers that SBX does not recombine).</source>
        <translation>子代从第二个父代取得某个参数的概率（分类参数的均匀交叉，以及 SBX 未重组的数值参数）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="18" />
        <source>Chance that each parameter of a child is mutated; 0: one over the number of searched parameters.</source>
        <translation>子代每个参数发生变异的概率；0：搜索参数个数的倒数。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="19" />
        <source>Compress values far above the median logarithmically before fitting, so that a few very bad trials do not flatten the model where the good ones are.</source>
        <translation>拟合前对远高于中位数的值做对数压缩，避免少数很差的试验把好试验所在区域的模型压平。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="20" />
        <source>Count running trials as bad results so that parallel suggestions spread out.</source>
        <translation>把运行中的试验视为差结果，使并行建议彼此分散。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="21" />
        <source>Each rung keeps the best 1/reduction_factor; rungs are this factor apart in steps.</source>
        <translation>每一级保留最好的 1/reduction_factor；相邻两级的步数相差这个倍数。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="22" />
        <source>Every combination once, in a seeded order; the experiment ends when the grid is exhausted.</source>
        <translation>按种子确定的顺序，每个组合各试一次；网格用尽时实验结束。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="23" />
        <source>Factor by which each IPOP restart multiplies the population.</source>
        <translation>每次 IPOP 重启时种群规模乘以的倍数。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="24" />
        <source>GP suggests the trials before this many; later ones come from CMA-ES (continuous spaces) or TPE.</source>
        <translation>这么多个之前的试验由 GP 建议；之后的试验来自 CMA-ES（连续空间）或 TPE。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="25" />
        <source>GP takes spaces of at most this many searched parameters; larger continuous spaces go to CMA-ES after the Sobol start, larger mixed ones to TPE.</source>
        <translation>GP 只处理搜索参数不超过这么多个的空间；更大的连续空间在 Sobol 启动阶段之后交给 CMA-ES，更大的混合空间交给 TPE。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="26" />
        <source>Gaussian-process Bayesian optimisation (Matérn-5/2 ARD kernel, log expected improvement, kriging believer for parallel trials). The most sample-efficient choice for small budgets on smooth, low-dimensional problems; categoricals are one-hot encoded, inactive conditional parameters sit at a fixed value.</source>
        <translation>高斯过程贝叶斯优化（Matérn-5/2 ARD 核、对数期望改进、并行试验采用 kriging believer）。在预算小、平滑且低维的问题上样本效率最高；类别参数使用独热编码，未生效的条件参数取固定值。</translation>
    </message>
    <message>
        <source>Give every space with a categorical parameter to TPE; false lets GP (one-hot) take unconditional categoricals within the limits above, and TPE after them.</source>
        <translation type="vanished">把所有含类别参数的空间交给 TPE；false 表示在上述限制之内由 GP（独热编码）处理无条件的类别参数，超出之后交给 TPE。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="29" />
        <source>How the first generation is drawn: scrambled Sobol points (sobol) or uniform at random (random).</source>
        <translation>第一代的抽取方式：扰乱的 Sobol 点（sobol）或均匀随机（random）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="30" />
        <source>How the start-up trials are drawn: scrambled Sobol points (sobol) or uniform at random (random, Optuna).</source>
        <translation>启动阶段试验的抽取方式：加扰 Sobol 点（sobol）或均匀随机（random，与 Optuna 相同）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="31" />
        <source>Hyperband: trials are spread over successive-halving brackets that stop trials early to different degrees, hedging against rankings that change late in training.</source>
        <translation>Hyperband：把试验分配到提前停止程度不同的多个逐次减半分组中，以防训练后期排名发生变化。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="32" />
        <source>Independent uniform draws (log scales respected). A robust baseline for any budget.</source>
        <translation>独立均匀采样（遵循对数尺度）。适用于任何预算的稳健基线。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="33" />
        <source>Initial step size, as a fraction of each parameter's range (the unit cube).</source>
        <translation>初始步长，以各参数取值范围（单位超立方体）的比例表示。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="34" />
        <source>Keep kernels at least range/min(100, n+2) wide, so that the model does not collapse.</source>
        <translation>保持核宽度至少为 range/min(100, n+2)，防止模型坍缩。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="36" />
        <source>Median stopping rule: stops a trial whose best value so far is worse than the median of completed trials at the same step.</source>
        <translation>中位数停止规则：若试验至今的最好值差于已完成试验在同一步的中位数，则停止该试验。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="37" />
        <source>Model parameters jointly (grouped by which trials they are active in), which captures correlations; false models each parameter on its own (Optuna's default).</source>
        <translation>联合建模参数（按它们在哪些试验中生效分组），可以捕捉参数间的相关性；false 表示逐个参数单独建模（Optuna 的默认值）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="38" />
        <source>Multivariate kernel widths: each kernel's gaps to its neighbours, floored (neighbour), or one Scott-like width for all (scott, Optuna 3.1).</source>
        <translation>多变量模式下的核宽度：每个核取其与相邻点的间距并设下限（neighbour），或所有核共用一个 Scott 式宽度（scott，与 Optuna 3.1 相同）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="39" />
        <source>NSGA-II genetic algorithm: Pareto ranking with crowding, constraint domination, SBX crossover and polynomial mutation for numbers, uniform crossover and reset for categoricals. For several objectives and long runs (thousands of trials); also a plain genetic algorithm for one objective.</source>
        <translation>NSGA-II 遗传算法：带拥挤度的帕累托排序、约束支配，数值参数用 SBX 交叉和多项式变异，分类参数用均匀交叉和重置。适合多个目标和长时间运行（数千个试验）；也可作为单目标的普通遗传算法。</translation>
    </message>
    <message>
        <source>Picks a sampler for each trial from the space and the history: Sobol points first, then TPE for categorical or conditional parameters, GP for small continuous spaces while the run is short, CMA-ES for long continuous runs and larger spaces. Each trial records which one made it and why.</source>
        <translation type="vanished">根据搜索空间和历史为每个试验选择采样器：先用 Sobol 点，之后类别或条件参数用 TPE，运行尚短的小型连续空间用 GP，长时间运行的连续问题和较大的空间用 CMA-ES。每个试验都会记录它由哪个采样器生成以及原因。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="46" />
        <source>Polynomial mutation index: larger makes smaller moves.</source>
        <translation>多项式变异指数：越大，变异步长越小。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="48" />
        <source>SBX distribution index: larger keeps children closer to their parents.</source>
        <translation>SBX 分布指数：越大，子代越接近父代。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="52" />
        <source>Sobol points first; a model takes over after this many trials, once two trials have a value.</source>
        <translation>先用 Sobol 点；达到这么多个试验、且已有两个试验得到值之后，由模型接管。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="53" />
        <source>Start-up trials (see startup) before the model takes over (completed and pruned ones count).</source>
        <translation>启动阶段试验数（见 startup），之后由模型接管（已完成和已剪枝的试验都计入）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="59" />
        <source>Tree-structured Parzen Estimator: models good and bad trials, samples where good ones are likely. Handles log, int, categorical and conditional parameters; quasi-random (Sobol) for the first trials.</source>
        <translation>树结构 Parzen 估计器：分别为好试验和差试验建模，在好试验可能出现的地方采样。支持对数、整数、类别和条件参数；最初的若干试验使用准随机（Sobol）点。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="61" />
        <source>Trials per generation; the first generation is the start-up (see startup).</source>
        <translation>每代的试验数；第一代为起始阶段（见 startup）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="65" />
        <source>Uniform mass each categorical kernel spreads over all choices (Optuna 3.1 uses prior_weight, 1 by default); larger tries other choices more often.</source>
        <translation>每个类别核均匀分配到所有选项上的质量（Optuna 3.1 使用 prior_weight，默认为 1）；越大越常尝试其他选项。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="40" />
        <source>Never stops a trial early.</source>
        <translation>从不提前停止试验。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="27" />
        <source>Give every space with a categorical parameter to TPE; false lets GP (one-hot) take them within the limits above, and TPE after them.</source>
        <translation>把所有含类别参数的空间交给 TPE；false 表示在上述限制之内由 GP（独热编码）处理类别参数，超出之后交给 TPE。</translation>
    </message>
    <message>
        <source>Give every space with a conditional parameter to TPE; false lets GP take them within the limits above (an inactive parameter sits at a fixed coordinate), and TPE after them.</source>
        <translation type="vanished">把所有含条件参数的空间交给 TPE；false 表示在上述限制之内由 GP 处理（未生效的参数取固定坐标），超出之后交给 TPE。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="28" />
        <source>Give every space with a conditional parameter to TPE; false lets GP take them within the limits above (an inactive parameter sits at a fixed coordinate), and TPE after them. With several objectives, conditional spaces always go to TPE.</source>
        <translation>把所有含条件参数的空间交给 TPE；false 表示在上述限制之内由 GP 处理（未生效的参数取固定坐标），超出之后交给 TPE。有多个目标时，含条件参数的空间总是交给 TPE。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="35" />
        <source>Let the range ends widen the outermost kernels (univariate, or bandwidth: neighbour).</source>
        <translation>让取值范围的端点加宽最外侧的核（单变量模式，或 bandwidth: neighbour）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="41" />
        <source>No pruning at a step where fewer completed trials reported a value.</source>
        <translation>若在某一步报告过值的已完成试验少于此数，则该步不剪枝。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="42" />
        <source>No pruning before a trial reaches this step (steps count from 0).</source>
        <translation>试验到达此步之前不剪枝（步数从 0 开始）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="43" />
        <source>No pruning until this many trials have completed.</source>
        <translation>在这么多试验完成之前不剪枝。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="44" />
        <source>Picks a sampler for each trial from the space and the history: Sobol points first, then GP for small spaces while the run is short, CMA-ES for long continuous runs and larger continuous spaces, TPE for long runs and larger spaces with categorical or conditional parameters. Each trial records which one made it and why.</source>
        <translation>根据搜索空间和历史为每个试验挑选采样器：先取 Sobol 点，运行较短时小空间用 GP，连续空间的长时间运行和较大的连续空间用 CMA-ES，含类别或条件参数的长时间运行和较大空间用 TPE。每个试验都记录由谁给出以及原因。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="45" />
        <source>Points per float that has neither 'values' nor a 'step' (log-spaced on log scales); 0: required.</source>
        <translation>没有 'values' 也没有 'step' 的浮点参数取的点数（对数尺度上按对数等距）；0 表示必须另行指定。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="47" />
        <source>Randomise the sequence by the seed (digital shift).</source>
        <translation>用种子随机化序列（数字移位）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="49" />
        <source>Scrambled Sobol quasi-random points: even coverage of the space; good for a first sweep.</source>
        <translation>加扰的 Sobol 准随机点：均匀覆盖搜索空间，适合初步扫描。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="50" />
        <source>Skips the first rungs: the first rung sits at min_resource * reduction_factor^rate.</source>
        <translation>跳过最前面的几级：第一级位于 min_resource * reduction_factor^rate。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="51" />
        <source>Sobol candidates scored per suggestion (a quarter as many again are drawn near the best trials).</source>
        <translation>每次建议评估的 Sobol 候选点数（另在最佳试验附近再抽取其四分之一）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="54" />
        <source>Starts of the hyperparameter fit (the first at the priors' centres).</source>
        <translation>超参数拟合的起点数（第一个位于先验中心）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="55" />
        <source>Step of the first rung of the first bracket.</source>
        <translation>第一个分组第一级所在的步数。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="56" />
        <source>Step of the first rung.</source>
        <translation>第一级所在的步数。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="57" />
        <source>Steps between checks, counted from n_warmup_steps.</source>
        <translation>两次检查之间的步数，从 n_warmup_steps 开始计。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="58" />
        <source>Steps of a full trial; with min_resource it sets the number of brackets, floor(log_reduction_factor(max_resource / min_resource)) + 1.</source>
        <translation>完整试验的步数；与 min_resource 一起决定分组数：floor(log_reduction_factor(max_resource / min_resource)) + 1。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="60" />
        <source>Trials per generation; 0 picks 4 + floor(3 ln n) for n searched parameters (1 acts as 2).</source>
        <translation>每一代的试验数；0 表示对 n 个搜索参数取 4 + floor(3 ln n)（1 按 2 处理）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="62" />
        <source>Trials that reach a rung before more than this many have are stopped there.</source>
        <translation>在到达某一级的试验超过此数之前到达的试验会在该级停止。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="63" />
        <source>Trials that reach a rung before more than this many of their bracket have are stopped there.</source>
        <translation>在其所在分组中到达某一级的试验超过此数之前到达的试验会在该级停止。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="64" />
        <source>Trials used to fit the hyperparameters (recent half plus an even spread); all trials enter the posterior. Bounds the cost of a suggestion on long runs.</source>
        <translation>用于拟合超参数的试验数（最近的一半加上均匀抽取的其余部分）；所有试验都进入后验。限制长时间运行时每次建议的开销。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="66" />
        <source>Uniform random trials before the model is used (at least 2 are always random).</source>
        <translation>使用模型之前的均匀随机试验数（至少 2 个总是随机的）。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="67" />
        <source>Uniform random trials first; the best of them becomes the initial mean.</source>
        <translation>先进行均匀随机试验；其中最好的作为初始均值。</translation>
    </message>
    <message>
        <location filename="../widgets/models/registry_text.cpp" line="68" />
        <source>Weight of the wide prior kernel in each mixture; larger explores more.</source>
        <translation>每个混合中宽先验核的权重；越大探索越多。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::AlgorithmChooser</name>
    <message>
        <location filename="../widgets/algorithm_chooser.cpp" line="34" />
        <source>Your own optimizer, or Optuna's through the shipped adapter, as a process of its own: it gets each request as a JSON line and answers with the next trial's parameters. Its stderr is shown in the dashboard's Sampler log.</source>
        <translation>自己的优化器，或通过自带的适配器使用 Optuna 的优化器，作为独立进程运行：它以 JSON 行的形式接收每个请求，并以下一个试验的参数作答。它的 stderr 显示在仪表板的“采样器日志”中。</translation>
    </message>
    <message>
        <location filename="../widgets/algorithm_chooser.cpp" line="37" />
        <source>Your own early-stopping rule as a process of its own: it gets each new report of a running trial as a JSON line and answers whether to stop it.</source>
        <translation>自己的提前停止规则，作为独立进程运行：它以 JSON 行的形式接收运行中试验的每个新报告，并应答是否停止该试验。</translation>
    </message>
    <message>
        <location filename="../widgets/algorithm_chooser.cpp" line="119" />
        <source>Unknown; choose one from the list.</source>
        <translation>未知；请从列表中选择。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ArgvEditor</name>
    <message>
        <source>One argument per line, passed as is (no shell). ${name} is replaced by the parameter's value; type $ to complete.</source>
        <translation type="vanished">每行一个参数，原样传递（不经过 shell）。${name} 会被替换为参数值；输入 $ 可自动补全。</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="190" />
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="190" />
        <source>Add an argument after the selected one</source>
        <translation>在所选参数之后添加一个参数</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="191" />
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>Remove the selected argument</source>
        <translation type="vanished">删除所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="127" />
        <source>The command line has a ' quote that is never closed.</source>
        <translation>命令行中有一个未闭合的 ' 引号。</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="128" />
        <source>The command line has a " quote that is never closed.</source>
        <translation>命令行中有一个未闭合的 " 引号。</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="187" />
        <source>One argument per line, passed as is (no shell). ${name} is replaced by the parameter's value; type $ to complete. Paste a command line (Ctrl+V) to split it into arguments.</source>
        <translation>每行一个参数，原样传递（不经过 shell）。${name} 会被替换为参数值；输入 $ 可自动补全。粘贴命令行（Ctrl+V）可将其拆分为多个参数。</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="191" />
        <source>Remove the selected arguments</source>
        <translation>删除所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="192" />
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="192" />
        <source>Move the selected argument up</source>
        <translation>上移所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="193" />
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="193" />
        <source>Move the selected argument down</source>
        <translation>下移所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="194" />
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="194" />
        <source>Split the command line on the clipboard into arguments, as a shell would (without running one)</source>
        <translation>像 shell 那样把剪贴板中的命令行拆分为参数（但不运行 shell）</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="198" />
        <source>Paste Command Line</source>
        <translation>粘贴命令行</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="318" />
        <source>Not pasted: %1</source>
        <translation>未粘贴：%1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ContourPlot</name>
    <message>
        <location filename="../widgets/plots/contour_plot.cpp" line="52" />
        <source>Contour</source>
        <translation>等高线图</translation>
    </message>
    <message>
        <location filename="../widgets/plots/contour_plot.cpp" line="54" />
        <source>x:</source>
        <translation>x：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/contour_plot.cpp" line="56" />
        <source>y:</source>
        <translation>y：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/contour_plot.cpp" line="60" />
        <source>The parameter along the horizontal axis</source>
        <translation>横轴上的参数</translation>
    </message>
    <message>
        <location filename="../widgets/plots/contour_plot.cpp" line="61" />
        <source>The parameter along the vertical axis</source>
        <translation>纵轴上的参数</translation>
    </message>
    <message>
        <location filename="../widgets/plots/contour_plot.cpp" line="305" />
        <source>%1: %2 %3, %4 %5, %6 %7</source>
        <translation>%1：%2 %3，%4 %5，%6 %7</translation>
    </message>
</context>
<context>
    <name>tb::widgets::Dashboard</name>
    <message>
        <location filename="../widgets/dashboard.cpp" line="45" />
        <source>Parallel coordinates</source>
        <translation>平行坐标</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="46" />
        <source>Parameter importance</source>
        <translation>参数重要性</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="47" />
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="48" />
        <source>Sampler log</source>
        <translation>采样器日志</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="50" />
        <source>Slice</source>
        <translation>切片图</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="51" />
        <source>Contour</source>
        <translation>等高线图</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="52" />
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="174" />
        <source>%1: no parameter named '%2'; one of %3</source>
        <translation>%1：没有名为“%2”的参数；可选：%3</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="182" />
        <source>--render pareto: experiment '%1' has one objective</source>
        <translation>--render pareto：实验“%1”只有一个目标</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="188" />
        <source>%1: no objective named '%2'; one of %3</source>
        <translation>%1：没有名为“%2”的目标；可选 %3</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="190" />
        <source>--x, --y: two different objectives, one of %1</source>
        <translation>--x、--y：两个不同的目标，可选 %1</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="199" />
        <source>--output: %1</source>
        <translation>--output：%1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::EngineHost</name>
    <message>
        <location filename="../widgets/models/engine_host.cpp" line="36" />
        <location filename="../widgets/models/engine_host.cpp" line="56" />
        <source>An experiment is already running in this window; stop it first.</source>
        <translation>此窗口中已有实验在运行；请先停止它。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::EnvEditor</name>
    <message>
        <location filename="../widgets/command_editors.cpp" line="379" />
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="379" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="383" />
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="383" />
        <source>Add a variable</source>
        <translation>添加变量</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="384" />
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="384" />
        <source>Remove the selected variable</source>
        <translation>删除所选变量</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ExperimentData</name>
    <message>
        <location filename="../widgets/models/experiment_data.cpp" line="137" />
        <source>%1 = %2 (at most %3)</source>
        <translation>%1 = %2（上限 %3）</translation>
    </message>
    <message>
        <location filename="../widgets/models/experiment_data.cpp" line="139" />
        <source>%1 = %2 (at least %3)</source>
        <translation>%1 = %2（下限 %3）</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ExperimentList</name>
    <message>
        <location filename="../widgets/experiment_list.cpp" line="25" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/experiment_list.cpp" line="27" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/experiment_list.cpp" line="57" />
        <source>Edit as &amp;New Experiment</source>
        <translation>编辑为新实验(&amp;N)</translation>
    </message>
    <message>
        <location filename="../widgets/experiment_list.cpp" line="59" />
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ExternalForm</name>
    <message>
        <location filename="../widgets/external_form.cpp" line="64" />
        <source>python3 my_sampler.py</source>
        <translation>python3 my_sampler.py</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="65" />
        <source>The program and its arguments, started without a shell in the spec's folder. It reads one JSON request per line and answers one JSON line each (docs/spec.md).</source>
        <translation>程序及其参数，在规格文件所在的文件夹中不经 shell 启动。它每行读取一个 JSON 请求，并对每个请求应答一行 JSON（见 docs/spec.md）。</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="67" />
        <source>Shipped</source>
        <translation>自带</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="70" />
        <source>Samplers that come with Tunebench</source>
        <translation>Tunebench 自带的采样器</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="87" />
        <source>A JSON object, passed to the process in its requests as "settings"</source>
        <translation>一个 JSON 对象，在请求中作为 "settings" 传给该进程</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="101" />
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="102" />
        <location filename="../widgets/external_form.cpp" line="163" />
        <source>Settings</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="145" />
        <source>Give the command that starts the sampler, or choose a shipped one.</source>
        <translation>请给出启动采样器的命令，或选择一个自带的采样器。</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="152" />
        <source>Settings: %1 at character %2.</source>
        <translation>设置项：第 %2 个字符处 %1。</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="154" />
        <source>Settings: give a JSON object, like {"sampler": "tpe"}.</source>
        <translation>设置项：请给出一个 JSON 对象，例如 {"sampler": "tpe"}。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::GanttChart</name>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="219" />
        <source>forward (F)</source>
        <translation>前向（F）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="220" />
        <source>backward (B)</source>
        <translation>反向（B）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="221" />
        <source>weight gradient (W)</source>
        <translation>权重梯度（W）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="222" />
        <source>idle (bubble)</source>
        <translation>空闲（气泡）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="225" />
        <source>faded: simulated from the trial's mean op durations</source>
        <translation>淡色：按试验的平均操作时长模拟</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="226" />
        <source>outlined: measured, more than %1% off the simulation</source>
        <translation>带边框：实测，与模拟相差超过 %1%</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="299" />
        <source>%1 measured: %2 to %3 (%4)</source>
        <translation>%1 实测：%2 至 %3（%4）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="299" />
        <source>%1 simulated: %2 to %3 (%4)</source>
        <translation>%1 模拟：%2 至 %3（%4）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="305" />
        <source>More than %1% off the simulation</source>
        <translation>与模拟相差超过 %1%</translation>
    </message>
</context>
<context>
    <name>tb::widgets::HistoryPlot</name>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="71" />
        <source>Optimization history</source>
        <translation>优化历史</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="19" />
        <source>trial number</source>
        <translation>试验序号</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="73" />
        <source>best so far</source>
        <translation>当前最优</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="42" />
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="43" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="44" />
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="54" />
        <source>selected</source>
        <translation>选中</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="71" />
        <source>Hypervolume history</source>
        <translation>超体积历史</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="72" />
        <location filename="../widgets/plots/history_plot.cpp" line="73" />
        <source>hypervolume</source>
        <translation>超体积</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="180" />
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="183" />
        <source>reference: %1 (from the spec)</source>
        <translation>参考点：%1（来自规格）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="184" />
        <source>reference: %1 (from the trials)</source>
        <translation>参考点：%1（由试验推得）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="188" />
        <source>reference point (the spec's)</source>
        <translation>参考点（规格给出）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="188" />
        <source>reference point (from the trials)</source>
        <translation>参考点（由试验推得）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="267" />
        <source>%1: hypervolume %2 (%3)</source>
        <translation>%1：超体积 %2（%3）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="268" />
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="270" />
        <source>%1 (pruned)</source>
        <translation>%1（已剪枝）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/history_plot.cpp" line="272" />
        <source>%1 (failed)</source>
        <translation>%1（失败）</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportancePlot</name>
    <message>
        <location filename="../widgets/plots/importance_plot.cpp" line="21" />
        <source>Objective:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/importance_plot.cpp" line="23" />
        <location filename="../widgets/plots/importance_plot.cpp" line="54" />
        <location filename="../widgets/plots/importance_plot.cpp" line="67" />
        <source>share of %1's variance</source>
        <translation>占 %1 方差的比例</translation>
    </message>
    <message>
        <location filename="../widgets/plots/importance_plot.cpp" line="27" />
        <source>Parameter importance</source>
        <translation>参数重要性</translation>
    </message>
    <message>
        <location filename="../widgets/plots/importance_plot.cpp" line="28" />
        <location filename="../widgets/plots/importance_plot.cpp" line="54" />
        <source>share of the objective's variance</source>
        <translation>占目标方差的比例</translation>
    </message>
    <message>
        <location filename="../widgets/plots/importance_plot.cpp" line="29" />
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/plots/importance_plot.cpp" line="114" />
        <source>%1: %2%</source>
        <translation>%1：%2%</translation>
    </message>
</context>
<context>
    <name>tb::widgets::LearningCurvesPlot</name>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="99" />
        <source>Learning curves</source>
        <translation>学习曲线</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="123" />
        <source>The metric drawn: any the trials reported</source>
        <translation>绘制的指标：试验报告过的任意指标</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="130" />
        <source>smoothing </source>
        <translation>平滑 </translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="131" />
        <source>no smoothing</source>
        <translation>不平滑</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="132" />
        <source>Exponential moving average of each curve, as in TensorBoard: 0 is off, 0.9 smooths strongly</source>
        <translation>对每条曲线取指数移动平均，与 TensorBoard 相同：0 表示关闭，0.9 表示强平滑</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="134" />
        <source>Log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="137" />
        <source>A logarithmic value axis (values at or below zero are not drawn)</source>
        <translation>对数数值轴（不绘制小于或等于零的值）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="139" />
        <source>x: step</source>
        <translation>x：步</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="140" />
        <source>x: time since start</source>
        <translation>x：开始后的时间</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="141" />
        <source>x: wall time</source>
        <translation>x：挂钟时间</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="142" />
        <source>What the x axis measures: the reported step, or when the point was reported</source>
        <translation>x 轴的含义：报告的步数，或报告该点的时间</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="261" />
        <source>%1 (objective)</source>
        <translation>%1（目标）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="280" />
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="284" />
        <source>time since the trial started (h:mm:ss)</source>
        <translation>试验开始后的时间（h:mm:ss）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="291" />
        <source>wall time</source>
        <translation>挂钟时间</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="481" />
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="482" />
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="483" />
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="484" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="494" />
        <source>single report</source>
        <translation>单次报告</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="496" />
        <source>best: %1</source>
        <translation>最优：%1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="498" />
        <source>selected: %1</source>
        <translation>选中：%1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="685" />
        <source>%1 after the start</source>
        <translation>开始后 %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="687" />
        <source>at %1</source>
        <translation>于 %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="689" />
        <source>at step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="734" />
        <source>%1: %2 %3 %4</source>
        <translation>%1：%2 %3，%4</translation>
    </message>
    <message>
        <location filename="../widgets/plots/learning_curves_plot.cpp" line="737" />
        <source>%1 (smoothed)</source>
        <translation>%1（已平滑）</translation>
    </message>
    <message>
        <source>%1: %2 %3 at step %4</source>
        <translation type="vanished">%1：第 %4 步时 %2 %3</translation>
    </message>
</context>
<context>
    <name>tb::widgets::MainWindow</name>
    <message>
        <location filename="../widgets/main_window.cpp" line="76" />
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="77" />
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="78" />
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="79" />
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="80" />
        <location filename="../widgets/main_window.cpp" line="82" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="92" />
        <source>Tunebench</source>
        <translation>Tunebench</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="102" />
        <source>Set-up</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="105" />
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="111" />
        <source>Pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="89" />
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="147" />
        <source>Experiment %1: %2</source>
        <translation>实验 %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="149" />
        <location filename="../widgets/main_window.cpp" line="861" />
        <source>Experiment runs elsewhere</source>
        <translation>实验在别处运行</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="171" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="172" />
        <source>&amp;New Store...</source>
        <translation>新建存储(&amp;N)...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="174" />
        <source>&amp;Open Store...</source>
        <translation>打开存储(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="176" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="179" />
        <source>&amp;Import Spec...</source>
        <translation>导入规格(&amp;I)...</translation>
    </message>
    <message>
        <source>Import &amp;Optuna Study...</source>
        <translation type="vanished">导入 &amp;Optuna 研究...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="181" />
        <source>&amp;Export Spec...</source>
        <translation>导出规格(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="183" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="198" />
        <source>E&amp;xperiment</source>
        <translation>实验(&amp;X)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="199" />
        <source>&amp;Launch</source>
        <translation>启动(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="202" />
        <source>Cannot launch</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="205" />
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="206" />
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="vanished">导出(&amp;X)</translation>
    </message>
    <message>
        <source>Best Config</source>
        <translation type="vanished">最优配置</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="217" />
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="217" />
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="218" />
        <source>Command-line arguments</source>
        <translation>命令行参数</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="220" />
        <source>Copy as %1</source>
        <translation>复制为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="221" />
        <source>Save as %1...</source>
        <translation>另存为 %1...</translation>
    </message>
    <message>
        <source>All Trials as CSV...</source>
        <translation type="vanished">全部试验导出为 CSV...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="228" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="232" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="235" />
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="244" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="245" />
        <source>&amp;About Tunebench</source>
        <translation>关于 Tunebench(&amp;A)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="246" />
        <source>About Tunebench</source>
        <translation>关于 Tunebench</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="247" />
        <source>&lt;b&gt;Tunebench %1&lt;/b&gt;&lt;p&gt;Hyperparameter optimization for deep-learning training on one workstation. Every trial, metric and log is kept in one SQLite file.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Tunebench %1&lt;/b&gt;&lt;p&gt;在单台工作站上为深度学习训练做超参数优化。所有试验、指标和日志都保存在一个 SQLite 文件中。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="252" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="270" />
        <source>Cannot open store</source>
        <translation>无法打开存储</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="278" />
        <source>Store: %1</source>
        <translation>存储：%1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="288" />
        <source>%1 - Tunebench</source>
        <translation>%1 - Tunebench</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="311" />
        <source>Cannot launch the demo</source>
        <translation>无法启动演示</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="307" />
        <location filename="../widgets/main_window.cpp" line="317" />
        <location filename="../widgets/main_window.cpp" line="565" />
        <source>No store is open.</source>
        <translation>没有打开的存储。</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="180" />
        <source>Import O&amp;ptuna Study...</source>
        <translation>导入 Optuna 研究(&amp;P)...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="187" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="188" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="190" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="208" />
        <source>Edit as &amp;New Experiment</source>
        <translation>编辑为新实验(&amp;N)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="215" />
        <source>Ex&amp;port</source>
        <translation>导出(&amp;P)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="216" />
        <source>&amp;Best Config</source>
        <translation>最优配置(&amp;B)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="223" />
        <source>All &amp;Trials as CSV...</source>
        <translation>全部试验导出为 CSV(&amp;T)...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="226" />
        <source>Export &amp;Plot...</source>
        <translation>导出图表(&amp;P)...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="230" />
        <source>&amp;Experiments List</source>
        <translation>实验列表(&amp;E)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="255" />
        <source>&amp;Toolbar</source>
        <translation>工具栏(&amp;T)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="328" />
        <source>Experiment name in use</source>
        <translation>实验名称已被使用</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="329" />
        <source>This store already has an experiment named '%1'.</source>
        <translation>此存储中已有名为“%1”的实验。</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="330" />
        <source>Resume it to continue its trials with the set-up it was launched with, or launch this set-up as a new experiment named '%1'.</source>
        <translation>可以继续运行它，按它启动时的设置继续它的试验；也可以把当前设置作为名为“%1”的新实验启动。</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="333" />
        <source>Resume '%1'</source>
        <translation>继续“%1”</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="335" />
        <source>Launch as '%1'</source>
        <translation>以“%1”启动</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="369" />
        <source>%1 is being run by %2; stop it there before resuming it here.</source>
        <translation>实验“%1”正由 %2 运行；请先在那里停止它，再在这里继续运行。</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="414" />
        <source>The set-up has changes that were never launched. Replace them? (File &gt; Export Spec keeps them in a file.)</source>
        <translation>当前设置有尚未启动的更改。要替换它们吗？（“文件 &gt; 导出规格”可以把它们保存到文件中。）</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="416" />
        <source>The set-up '%1' has changes that were never launched. Replace them? (File &gt; Export Spec keeps them in a file.)</source>
        <translation>设置“%1”有尚未启动的更改。要替换它们吗？（“文件 &gt; 导出规格”可以把它们保存到文件中。）</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="419" />
        <source>Replace the set-up?</source>
        <translation>替换当前设置？</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="554" />
        <source>Cannot open schedule</source>
        <translation>无法打开调度</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="565" />
        <source>No pipeline schedule</source>
        <translation>没有流水线调度</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="592" />
        <source>Trials are running</source>
        <translation>试验正在运行</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="593" />
        <source>Experiment '%1' is still running. Stop its trials (they are queued again and can be resumed), or keep it running in the background without this window?</source>
        <translation>实验“%1”仍在运行。要停止它的试验（它们会重新排队，之后可以继续），还是在没有此窗口的情况下在后台继续运行？</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="597" />
        <source>Stop Trials</source>
        <translation>停止试验</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="598" />
        <source>Keep Running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="606" />
        <source>Could not continue in the background</source>
        <translation>无法在后台继续</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="607" />
        <source>tunebench-cli was not found. The experiment was stopped and can be resumed.</source>
        <translation>找不到 tunebench-cli。实验已停止，之后可以继续。</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="629" />
        <source>New Store</source>
        <translation>新建存储</translation>
    </message>
    <message>
        <source>Tunebench stores (*.db);;All files (*)</source>
        <translation type="vanished">Tunebench 存储 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="636" />
        <source>Open Store</source>
        <translation>打开存储</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="659" />
        <source>Import Spec</source>
        <translation>导入规格</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="659" />
        <location filename="../widgets/main_window.cpp" line="768" />
        <source>Experiment specs (*.json)</source>
        <translation>实验规格 (*.json)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="666" />
        <location filename="../widgets/main_window.cpp" line="709" />
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="666" />
        <source>%1: not a JSON object (%2)</source>
        <translation>%1：不是 JSON 对象（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="676" />
        <location filename="../widgets/main_window.cpp" line="695" />
        <source>Import Optuna Study</source>
        <translation>导入 Optuna 研究</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="676" />
        <source>Optuna storages (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Optuna 存储 (*.db *.sqlite *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="680" />
        <source>no store is open</source>
        <translation>没有打开的存储</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="695" />
        <source>Study:</source>
        <translation>研究：</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="704" />
        <source>Imported Optuna study '%1': %2 trials</source>
        <translation>已导入 Optuna 研究“%1”：%2 个试验</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="721" />
        <source>--render: unknown view '%1'; one of %2</source>
        <translation>--render：未知的视图“%1”；可选：%2</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="723" />
        <source>--output: '%1' needs the suffix .png, .svg or .pdf</source>
        <translation>--output：“%1”需要 .png、.svg 或 .pdf 后缀</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="725" />
        <source>--db: no store is open</source>
        <translation>--db：没有打开的存储</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="732" />
        <source>--experiment: no experiment named '%1' in %2</source>
        <translation>--experiment：%2 中没有名为“%1”的实验</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="738" />
        <source>--trial: give the id of a trial of '%1' with a measured pipeline schedule</source>
        <translation>--trial：请给出“%1”中一个带有实测流水线调度的试验的 id</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="746" />
        <source>--db: %1</source>
        <translation>--db：%1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="761" />
        <source>--trial: %1</source>
        <translation>--trial：%1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="763" />
        <source>--output: %1</source>
        <translation>--output：%1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="768" />
        <source>Export Spec</source>
        <translation>导出规格</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="773" />
        <location filename="../widgets/main_window.cpp" line="824" />
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="790" />
        <source>No best config</source>
        <translation>没有最优配置</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="795" />
        <source>Best config copied to the clipboard</source>
        <translation>最优配置已复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="799" />
        <source>Save Best Config</source>
        <translation>保存最优配置</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="804" />
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="811" />
        <source>Export Trials</source>
        <translation>导出试验</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="812" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="848" />
        <source>Asked %1 to stop; its trials end and are queued again</source>
        <translation>已请求 %1 停止；它的试验会结束并重新排队</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="850" />
        <source>Cannot stop</source>
        <translation>无法停止</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="862" />
        <source>%1 is being run by %2.

Stop it there? Its running trials end and are queued again; resume it here once it has stopped.</source>
        <translation>实验“%1”正由 %2 运行。

要在那里停止它吗？它正在运行的试验会结束并重新排队；停止后可在这里继续运行。</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="126" />
        <location filename="../widgets/main_window.cpp" line="872" />
        <source>Cannot resume</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="vanished">%1（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="901" />
        <source>%1: %2 - %3 completed, %4 running, %5 queued, %6 pruned, %7 failed</source>
        <translation>%1：%2 - 完成 %3，运行中 %4，排队 %5，剪枝 %6，失败 %7</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="910" />
        <source>run by %1 (pid %2 on %3)</source>
        <translation>由 %1 运行（%3 上的 pid %2）</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="915" />
        <source>waiting: %1</source>
        <translation>等待：%1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="921" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="921" />
        <source>The new language applies the next time Tunebench starts.</source>
        <translation>新语言将在下次启动 Tunebench 时生效。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ObjectivesEditor</name>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="79" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="105" />
        <source>More objectives (a Pareto front instead of one best trial):</source>
        <translation>更多目标（得到帕累托前沿，而不是单个最佳试验）：</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="107" />
        <location filename="../widgets/objectives_editor.cpp" line="119" />
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="107" />
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="107" />
        <source>Use</source>
        <translation>取值</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="107" />
        <source>Reference</source>
        <translation>参考点</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="110" />
        <source>The hypervolume reference point's value for this objective: worse than any value you care about. Empty: derived from the trials.</source>
        <translation>此目标在超体积参考点上的值：应比任何你关心的值都差。留空：由试验推得。</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="113" />
        <source>Add objective</source>
        <translation>添加目标</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="117" />
        <source>Constraints (a trial beyond a bound is infeasible):</source>
        <translation>约束（超出界限的试验为不可行）：</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="119" />
        <source>At least</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="119" />
        <source>At most</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="122" />
        <source>Add constraint</source>
        <translation>添加约束</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="142" />
        <source>minimize</source>
        <translation>最小化</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="142" />
        <source>maximize</source>
        <translation>最大化</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="144" />
        <source>last report</source>
        <translation>最后一次报告</translation>
    </message>
    <message>
        <location filename="../widgets/objectives_editor.cpp" line="144" />
        <source>best report</source>
        <translation>最佳报告</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ParallelCoordinatesPlot</name>
    <message>
        <location filename="../widgets/plots/parallel_coordinates_plot.cpp" line="65" />
        <source>Parallel coordinates</source>
        <translation>平行坐标</translation>
    </message>
    <message>
        <location filename="../widgets/plots/parallel_coordinates_plot.cpp" line="67" />
        <source>Drag along an axis to filter the trials; click the axis to clear it</source>
        <translation>沿坐标轴拖动以筛选试验；单击该轴可清除筛选</translation>
    </message>
    <message>
        <location filename="../widgets/plots/parallel_coordinates_plot.cpp" line="339" />
        <source>inactive</source>
        <translation>未生效</translation>
    </message>
    <message>
        <location filename="../widgets/plots/parallel_coordinates_plot.cpp" line="456" />
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ParetoPlot</name>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="41" />
        <location filename="../widgets/plots/pareto_plot.cpp" line="71" />
        <location filename="../widgets/plots/pareto_plot.cpp" line="260" />
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="43" />
        <source>Across:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="44" />
        <source>Up:</source>
        <translation>纵轴：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="45" />
        <source>The objective along the horizontal axis</source>
        <translation>横轴上的目标</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="46" />
        <source>The objective along the vertical axis</source>
        <translation>纵轴上的目标</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="49" />
        <source>Pipeline schedule</source>
        <translation>流水线调度</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="51" />
        <source>Open the selected trial's measured pipeline schedule in the Pipeline view</source>
        <translation>在流水线视图中打开所选试验实测的流水线调度</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="68" />
        <source>infeasible</source>
        <translation>不可行</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="69" />
        <source>dominated</source>
        <translation>被支配</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="72" />
        <source>selected</source>
        <translation>选中</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="133" />
        <source>%1 (minimize)</source>
        <translation>%1（最小化）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="133" />
        <source>%1 (maximize)</source>
        <translation>%1（最大化）</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/plots/pareto_plot.cpp" line="260" />
        <source>Pareto set (all %n objectives)</source>
        <translation><numerusform>帕累托集（全部 %n 个目标）</numerusform></translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="316" />
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="317" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="319" />
        <source>%1 (in the Pareto set)</source>
        <translation>%1（在帕累托集中）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="323" />
        <source>%1 (infeasible)</source>
        <translation>%1（不可行）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="323" />
        <source>%1 (infeasible: %2)</source>
        <translation>%1（不可行：%2）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="337" />
        <source>Select %1</source>
        <translation>选择%1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/pareto_plot.cpp" line="339" />
        <source>Show pipeline schedule of %1</source>
        <translation>显示%1的流水线调度</translation>
    </message>
</context>
<context>
    <name>tb::widgets::PlotExportDialog</name>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="37" />
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="38" />
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="39" />
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="58" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="58" />
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="60" />
        <location filename="../widgets/plots/export_dialog.cpp" line="247" />
        <location filename="../widgets/plots/export_dialog.cpp" line="287" />
        <location filename="../widgets/plots/export_dialog.cpp" line="335" />
        <source>Export Plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="80" />
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="85" />
        <source>Dots per inch, stored in the file. Text and lines keep their point sizes at this DPI, so a higher DPI at the same pixel size means larger text.</source>
        <translation>每英寸点数，保存在文件中。文字和线条在此 DPI 下保持各自的磅值，因此像素尺寸相同时，DPI 越高，文字越大。</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="87" />
        <source>the plot's title</source>
        <translation>图表标题</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="88" />
        <source>What the colours and marks mean</source>
        <translation>颜色和标记的含义</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="90" />
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="108" />
        <source>Plot:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="111" />
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="112" />
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="113" />
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="114" />
        <source>DPI:</source>
        <translation>DPI：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="115" />
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="118" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="239" />
        <source>%1 × %2 in</source>
        <translation>%1 × %2 英寸</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="246" />
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="259" />
        <source>The plot is gone.</source>
        <translation>图表已不存在。</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="265" />
        <source>Choose a file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <location filename="../widgets/plots/export_dialog.cpp" line="335" />
        <source>No plot is shown: open the Dashboard or the Pipeline tab first.</source>
        <translation>没有显示图表：请先打开“仪表板”或“流水线”标签页。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::PlotPanel</name>
    <message>
        <location filename="../widgets/plots/plot_panel.cpp" line="49" />
        <location filename="../widgets/plots/plot_panel.cpp" line="199" />
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <location filename="../widgets/plots/plot_panel.cpp" line="50" />
        <source>Show all data and follow new data again</source>
        <translation>显示全部数据并重新跟随新数据</translation>
    </message>
    <message>
        <location filename="../widgets/plots/plot_panel.cpp" line="53" />
        <location filename="../widgets/plots/plot_panel.cpp" line="200" />
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
    <message>
        <location filename="../widgets/plots/plot_panel.cpp" line="55" />
        <source>Save the plot as a PNG image, an SVG drawing or a PDF document, at a chosen size and DPI</source>
        <translation>以选定的尺寸和 DPI 将图表保存为 PNG 图像、SVG 矢量图或 PDF 文档</translation>
    </message>
    <message>
        <source>PNG image...</source>
        <translation type="vanished">PNG 图像...</translation>
    </message>
    <message>
        <source>PDF document...</source>
        <translation type="vanished">PDF 文档...</translation>
    </message>
    <message>
        <source>SVG drawing...</source>
        <translation type="vanished">SVG 矢量图...</translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="vanished">导出</translation>
    </message>
    <message>
        <source>Save the plot as an image or a document</source>
        <translation type="vanished">将图表保存为图像或文档</translation>
    </message>
    <message>
        <location filename="../widgets/plots/plot_panel.cpp" line="233" />
        <source>Unknown export format "%1": use .png, .pdf or .svg.</source>
        <translation>未知的导出格式“%1”：请使用 .png、.pdf 或 .svg。</translation>
    </message>
    <message>
        <location filename="../widgets/plots/plot_panel.cpp" line="327" />
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="vanished">PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="vanished">PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation type="vanished">SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation type="vanished">导出图表</translation>
    </message>
    <message>
        <location filename="../widgets/plots/render.cpp" line="156" />
        <source>trial %1 (#%2)</source>
        <translation>试验 %1（#%2）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/render.cpp" line="162" />
        <source>objective</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>tb::widgets::PriorPreview</name>
    <message>
        <location filename="../widgets/prior_preview.cpp" line="101" />
        <source>No preview until the parameter is valid.</source>
        <translation>参数有效后才能预览。</translation>
    </message>
    <message>
        <location filename="../widgets/prior_preview.cpp" line="114" />
        <source>Select a parameter to see its prior.</source>
        <translation>选择一个参数以查看其先验分布。</translation>
    </message>
    <message>
        <location filename="../widgets/prior_preview.cpp" line="125" />
        <source>Prior (log axis)</source>
        <translation>先验分布（对数轴）</translation>
    </message>
    <message>
        <location filename="../widgets/prior_preview.cpp" line="125" />
        <source>Prior</source>
        <translation>先验分布</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SamplerLogView</name>
    <message>
        <location filename="../widgets/sampler_log_view.cpp" line="70" />
        <source>This experiment uses built-in algorithms; an external sampler or pruner writes its log here.</source>
        <translation>此实验使用内置算法；外部采样器或剪枝器会把日志写在这里。</translation>
    </message>
    <message>
        <location filename="../widgets/sampler_log_view.cpp" line="81" />
        <source>(nothing yet: the process starts when the first trial is asked for)
</source>
        <translation>（暂无内容：进程在请求第一个试验时才启动）
</translation>
    </message>
    <message>
        <location filename="../widgets/sampler_log_view.cpp" line="87" />
        <source>(earlier lines left out)
</source>
        <translation>（已省略更早的行）
</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ScheduleView</name>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="802" />
        <source>This trial recorded no pipeline spans; run it with tunebench-train.</source>
        <translation>此试验没有记录流水线时间段；请用 tunebench-train 运行它。</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="328" />
        <source>Naive model parallelism (m = 1)</source>
        <translation>朴素模型并行（m = 1）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="329" />
        <source>GPipe (fill-drain)</source>
        <translation>GPipe（填充-排空）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="330" />
        <location filename="../widgets/plots/schedule_view.cpp" line="359" />
        <source>1F1B</source>
        <translation>1F1B</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="331" />
        <location filename="../widgets/plots/schedule_view.cpp" line="359" />
        <source>Interleaved 1F1B</source>
        <translation>交错 1F1B</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="332" />
        <source>ZB-H1 (zero bubble)</source>
        <translation>ZB-H1（零气泡）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="334" />
        <source>The schedule generator; an imported CSV shows as "Imported CSV"</source>
        <translation>调度生成器；导入的 CSV 显示为“导入的 CSV”</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="337" />
        <source>Pipeline devices (ranks), p</source>
        <translation>流水线设备数（rank），p</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="340" />
        <source>Micro-batches per mini-batch, m</source>
        <translation>每个小批次的微批次数，m</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="343" />
        <source>Stages per device for interleaved 1F1B, v</source>
        <translation>交错 1F1B 中每个设备的阶段数，v</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="353" />
        <source>Forward time of one micro-batch on one device (interleaved: split over its v stages)</source>
        <translation>一个微批次在一个设备上的前向时间（交错：分摊到其 v 个阶段）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="354" />
        <source>Backward time (input gradient when W is split)</source>
        <translation>反向时间（拆分 W 时为输入梯度）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="355" />
        <source>Weight-gradient time: a separate action for ZB-H1, added to B otherwise</source>
        <translation>权重梯度时间：ZB-H1 中为单独的动作，否则计入 B</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="356" />
        <source>Added when an action waits for another device</source>
        <translation>动作等待另一设备时增加的时间</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="358" />
        <source>Naive (m = 1)</source>
        <translation>朴素（m = 1）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="358" />
        <source>GPipe</source>
        <translation>GPipe</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="360" />
        <source>ZB-H1</source>
        <translation>ZB-H1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="367" />
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="368" />
        <source>Draw more schedules below this one, on the same time axis</source>
        <translation>在其下方以同一时间轴绘制更多调度</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="373" />
        <source>Import PyTorch CSV...</source>
        <translation>导入 PyTorch CSV...</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="374" />
        <source>Export PyTorch CSV...</source>
        <translation>导出 PyTorch CSV...</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="375" />
        <source>Export Chrome trace...</source>
        <translation>导出 Chrome 跟踪...</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="377" />
        <source>Schedule file</source>
        <translation>调度文件</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="378" />
        <source>Exchange schedules with torch.distributed.pipelining and Perfetto</source>
        <translation>与 torch.distributed.pipelining 和 Perfetto 交换调度</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="392" />
        <source>Schedule:</source>
        <translation>调度：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="393" />
        <source>p:</source>
        <translation>p：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="394" />
        <source>m:</source>
        <translation>m：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="395" />
        <source>v:</source>
        <translation>v：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="399" />
        <source>F:</source>
        <translation>F：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="400" />
        <source>B:</source>
        <translation>B：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="401" />
        <source>W:</source>
        <translation>W：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="402" />
        <source>Latency:</source>
        <translation>延迟：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="520" />
        <source>As measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="587" />
        <location filename="../widgets/plots/schedule_view.cpp" line="742" />
        <source>Imported CSV</source>
        <translation>导入的 CSV</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="600" />
        <location filename="../widgets/plots/schedule_view.cpp" line="733" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="615" />
        <source>Trial %1, step %2 (%3)</source>
        <translation>试验 %1，第 %2 步（%3）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="621" />
        <source>The measured order is not a complete schedule, so it is not simulated: %1</source>
        <translation>实测的顺序不是完整的调度，因此不做模拟：%1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="646" />
        <source>time (µs from the start of the step)</source>
        <translation>时间（自该步开始的微秒数）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="646" />
        <source>time (units of the op durations)</source>
        <translation>时间（以操作时长为单位）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="658" />
        <source>device %1 simulated</source>
        <translation>设备 %1 模拟</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="658" />
        <source>device %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="659" />
        <source>peak activations %1</source>
        <translation>峰值激活 %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="661" />
        <source>device %1 measured</source>
        <translation>设备 %1 实测</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="662" />
        <source>peak memory %1</source>
        <translation>峰值内存 %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="681" />
        <source>&lt;b&gt;%1&lt;/b&gt;: p = %2, m = %3, v = %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：p = %2，m = %3，v = %4</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="683" />
        <source>, makespan %1, simulated idle share %2</source>
        <translation>，总时长 %1，模拟空闲占比 %2</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="685" />
        <source>, formula %1</source>
        <translation>，公式 %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="687" />
        <source>, measured idle share %1</source>
        <translation>，实测空闲占比 %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="691" />
        <source>  bubble %1</source>
        <translation>  气泡 %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="693" />
        <source> (formula %1)</source>
        <translation>（公式 %1）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="695" />
        <source>, makespan %1</source>
        <translation>，总时长 %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="699" />
        <source>Faded rows: the simulation from the trial's mean op durations per stage. Outlined: measured boxes more than %1% of the op off the simulation.</source>
        <translation>淡色行：按该试验各阶段平均操作时长的模拟。带边框：与模拟相差超过该操作 %1% 的实测方块。</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="728" />
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="737" />
        <source>%1 is not a valid schedule: %2</source>
        <translation>%1 不是有效的调度：%2</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="758" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="766" />
        <location filename="../widgets/plots/schedule_view.cpp" line="776" />
        <source>There is no schedule to export.</source>
        <translation>没有可导出的调度。</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="823" />
        <source>Import PyTorch CSV</source>
        <translation>导入 PyTorch CSV</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="823" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="828" />
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="834" />
        <source>Export PyTorch CSV</source>
        <translation>导出 PyTorch CSV</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="834" />
        <source>Export Chrome trace</source>
        <translation>导出 Chrome 跟踪</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="836" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="836" />
        <source>Chrome traces (*.json)</source>
        <translation>Chrome 跟踪 (*.json)</translation>
    </message>
    <message>
        <location filename="../widgets/plots/schedule_view.cpp" line="841" />
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SettingsForm</name>
    <message>
        <location filename="../widgets/settings_form.cpp" line="38" />
        <source>No settings.</source>
        <translation>无设置项。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="118" />
        <source>%1
Default: %2</source>
        <translation>%1
默认值：%2</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SetupPanel</name>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="149" />
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="153" />
        <source>Unique within the store.</source>
        <translation>在存储中必须唯一。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="154" />
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="157" />
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="160" />
        <source>The metric the trial prints, like loss=0.25.</source>
        <translation>试验输出的指标，例如 loss=0.25。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="161" />
        <source>Objective &amp;metric</source>
        <translation>目标指标(&amp;M)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="164" />
        <source>minimize</source>
        <translation>最小化</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="165" />
        <source>maximize</source>
        <translation>最大化</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="166" />
        <source>D&amp;irection</source>
        <translation>方向(&amp;I)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="169" />
        <source>last report</source>
        <translation>最后一次报告</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="170" />
        <source>best report</source>
        <translation>最佳报告</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="171" />
        <source>Which of the trial's reports of the metric is its value.</source>
        <translation>以试验对该指标的哪一次报告作为其取值。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="172" />
        <source>&amp;Use</source>
        <translation>取值(&amp;U)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="175" />
        <source>derived from the trials</source>
        <translation>由试验推得</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="176" />
        <source>With several objectives: the hypervolume reference point's value for this objective, worse than any value you care about.</source>
        <translation>多个目标时：此目标在超体积参考点上的值，应比任何你关心的值都差。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="178" />
        <source>&amp;Reference</source>
        <translation>参考点(&amp;R)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="192" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="196" />
        <source>&amp;Algorithm</source>
        <translation>算法(&amp;A)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="203" />
        <source>What auto will do with this space once trials report values; each trial records which sampler suggested it and why.</source>
        <translation>试验报告数值后 auto 将如何处理此空间；每个试验都会记录由哪个采样器给出以及原因。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="205" />
        <source>fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="207" />
        <source>Without a fixed seed one is drawn at the start and stored with the experiment.</source>
        <translation>若不固定种子，将在开始时随机选取并随实验保存。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="212" />
        <source>&amp;Seed</source>
        <translation>种子(&amp;S)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="215" />
        <source>&amp;Pruner</source>
        <translation>剪枝器(&amp;P)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="226" />
        <source>Budget and parallelism</source>
        <translation>预算与并行</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="228" />
        <location filename="../widgets/setup_panel.cpp" line="235" />
        <location filename="../widgets/setup_panel.cpp" line="242" />
        <location filename="../widgets/setup_panel.cpp" line="849" />
        <source>at most</source>
        <translation>最多</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="234" />
        <source>&amp;Trials</source>
        <translation>试验数(&amp;T)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="240" />
        <source>One more failure than this ends the experiment as failed.</source>
        <translation>失败次数超过此值时实验以失败结束。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="241" />
        <source>&amp;Failed trials</source>
        <translation>失败试验(&amp;F)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="249" />
        <location filename="../widgets/setup_panel.cpp" line="359" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="250" />
        <source>&amp;Wall time</source>
        <translation>挂钟时间(&amp;W)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="254" />
        <source>Trials at &amp;once</source>
        <translation>同时运行的试验(&amp;O)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="266" />
        <source>Where trials run</source>
        <translation>试验运行位置</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="270" />
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="271" />
        <source>A Slurm cluster (one job per trial)</source>
        <translation>Slurm 集群（每个试验一个作业）</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="272" />
        <source>With Slurm, each trial is a batch job; the trials' folders must be on a file system the nodes share.</source>
        <translation>使用 Slurm 时，每个试验是一个批处理作业；试验的文件夹必须位于各节点共享的文件系统上。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="273" />
        <source>&amp;Executor</source>
        <translation>执行器(&amp;E)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="276" />
        <source>the cluster's default</source>
        <translation>集群的默认值</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="277" />
        <source>&amp;Partition</source>
        <translation>分区(&amp;P)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="280" />
        <source>your default</source>
        <translation>默认账户</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="281" />
        <source>A&amp;ccount</source>
        <translation>账户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="284" />
        <source>HH:MM:SS (the partition's default)</source>
        <translation>HH:MM:SS（分区的默认值）</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="285" />
        <source>Time &amp;limit</source>
        <translation>时间限制(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="288" />
        <source>Further sbatch options, one per entry, such as --qos=low or --mem=16G.</source>
        <translation>其他 sbatch 选项，每项一个，例如 --qos=low 或 --mem=16G。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="289" />
        <location filename="../widgets/setup_panel.cpp" line="855" />
        <source>sbatch options</source>
        <translation>sbatch 选项</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="308" />
        <location filename="../widgets/setup_panel.cpp" line="811" />
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="311" />
        <source>&amp;Command</source>
        <translation>命令(&amp;C)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="313" />
        <source>&amp;Built-in trainer</source>
        <translation>内置训练器(&amp;B)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="330" />
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="343" />
        <source>the spec file's folder</source>
        <translation>规格文件所在的文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="345" />
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="348" />
        <source>&amp;Working directory</source>
        <translation>工作目录(&amp;W)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="351" />
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="352" />
        <source>after</source>
        <translation>超过</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="360" />
        <source>&amp;Time-out</source>
        <translation>超时(&amp;T)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="364" />
        <source>A failed or timed-out trial runs again with the same values, up to this many times.</source>
        <translation>失败或超时的试验会以相同取值重新运行，最多重试这么多次。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="365" />
        <source>&amp;Retries</source>
        <translation>重试次数(&amp;R)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="370" />
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="677" />
        <location filename="../widgets/setup_panel.cpp" line="694" />
        <source>Edit Set-up</source>
        <translation>编辑设置</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="679" />
        <source>Edit Name</source>
        <translation>编辑名称</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="680" />
        <source>Edit Description</source>
        <translation>编辑描述</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="681" />
        <source>Edit Objective</source>
        <translation>编辑目标</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="682" />
        <source>Edit Objectives</source>
        <translation>编辑目标</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="683" />
        <source>Edit Constraints</source>
        <translation>编辑约束</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="684" />
        <source>Edit Algorithm</source>
        <translation>编辑算法</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="685" />
        <source>Edit Pruner</source>
        <translation>编辑剪枝器</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="686" />
        <source>Edit Budget</source>
        <translation>编辑预算</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="687" />
        <source>Edit Trials at Once</source>
        <translation>编辑同时运行的试验</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="688" />
        <source>Edit Trial</source>
        <translation>编辑试验</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="689" />
        <source>Edit Executor</source>
        <translation>编辑执行器</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="784" />
        <source>Parameter %1 (%2) is not used: no argument or environment value of the trial names %3. The trial sees it only in $TUNEBENCH_PARAMS.</source>
        <translation>参数 %1（%2）未被使用：试验的命令参数和环境变量值中都没有 %3。试验只能在 $TUNEBENCH_PARAMS 中看到它。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="808" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="808" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="808" />
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="809" />
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="809" />
        <source>Constraints</source>
        <translation>约束</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="810" />
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="810" />
        <source>Pruner</source>
        <translation>剪枝器</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="810" />
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="811" />
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="811" />
        <source>Executor</source>
        <translation>执行器</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="821" />
        <source>Objective %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="821" />
        <source>Constraint %1</source>
        <translation>约束 %1</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="832" />
        <source>setting %1</source>
        <translation>设置项 %1</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="837" />
        <source>argument %1</source>
        <translation>命令参数 %1</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="837" />
        <source>argument %1 (%2)</source>
        <translation>命令参数 %1（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="839" />
        <source>command word %1</source>
        <translation>命令第 %1 项</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="841" />
        <source>variable %1</source>
        <translation>变量 %1</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="843" />
        <source>sbatch option %1</source>
        <translation>sbatch 选项 %1</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="845" />
        <source>metrics pattern %1</source>
        <translation>指标模式 %1</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="848" />
        <source>metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="848" />
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="848" />
        <source>use</source>
        <translation>取值</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="849" />
        <source>reference</source>
        <translation>参考点</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="849" />
        <source>at least</source>
        <translation>最少</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="850" />
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="850" />
        <source>settings</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="850" />
        <location filename="../widgets/setup_panel.cpp" line="853" />
        <source>command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="851" />
        <source>working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="851" />
        <source>time-out</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="851" />
        <source>trials</source>
        <translation>试验数</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="852" />
        <source>failed trials</source>
        <translation>失败试验</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="852" />
        <source>wall time</source>
        <translation>挂钟时间</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="852" />
        <source>trials at once</source>
        <translation>同时运行的试验</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="853" />
        <source>environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="853" />
        <source>retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="854" />
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="854" />
        <source>partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="854" />
        <source>account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="855" />
        <source>time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="865" />
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="918" />
        <source>Give the experiment a name, the parameters to tune and the trial's command, or start from an example (File &gt; Import Spec, or the welcome page).</source>
        <translation>请为实验命名，添加要调优的参数和试验的命令，或从示例开始（“文件 &gt; 导入规格”，或欢迎页）。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="922" />
        <source>The spec is valid.</source>
        <translation>规格有效。</translation>
    </message>
    <message>
        <location filename="../widgets/models/spec_text.cpp" line="123" />
        <source>Trials %1-%2: %3 (%4)</source>
        <translation>试验 %1-%2：%3（%4）</translation>
    </message>
    <message>
        <location filename="../widgets/models/spec_text.cpp" line="125" />
        <source>From trial %1: %2 (%3)</source>
        <translation>从试验 %1 起：%2（%3）</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SlicePlot</name>
    <message>
        <location filename="../widgets/plots/slice_plot.cpp" line="21" />
        <source>Slice</source>
        <translation>切片图</translation>
    </message>
    <message>
        <location filename="../widgets/plots/slice_plot.cpp" line="23" />
        <source>Parameter:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <location filename="../widgets/plots/slice_plot.cpp" line="26" />
        <source>The parameter along the horizontal axis</source>
        <translation>横轴上的参数</translation>
    </message>
    <message>
        <location filename="../widgets/plots/slice_plot.cpp" line="32" />
        <source>trial number</source>
        <translation>试验序号</translation>
    </message>
    <message>
        <location filename="../widgets/plots/slice_plot.cpp" line="191" />
        <source>%1: %2 %3, %4 %5</source>
        <translation>%1：%2 %3，%4 %5</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SpaceEditor</name>
    <message>
        <location filename="../widgets/space_editor.cpp" line="176" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="176" />
        <source>Add a parameter</source>
        <translation>添加参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="177" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="177" />
        <source>Remove the selected parameter</source>
        <translation>删除所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="178" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="178" />
        <source>Add a copy of the selected parameter</source>
        <translation>添加所选参数的副本</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="179" />
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="179" />
        <source>Move the selected parameter up</source>
        <translation>上移所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="180" />
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="180" />
        <source>Move the selected parameter down</source>
        <translation>下移所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="186" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="188" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="277" />
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="282" />
        <source>Letters, digits, '_', '-' and '.'; used as ${name} in the trial's arguments.</source>
        <translation>字母、数字、'_'、'-' 和 '.'；在试验参数中写作 ${name}。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="283" />
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="64" />
        <source>float</source>
        <translation>浮点数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="65" />
        <source>int</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="66" />
        <source>categorical</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="67" />
        <source>fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="193" />
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="193" />
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="194" />
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="194" />
        <source>Nothing to redo</source>
        <translation>没有可重做的操作</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="289" />
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="298" />
        <source>&amp;Low</source>
        <translation>下限(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="298" />
        <source>Smallest value (inclusive).</source>
        <translation>最小值（包含）。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="299" />
        <source>&amp;High</source>
        <translation>上限(&amp;H)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="299" />
        <source>Largest value (inclusive).</source>
        <translation>最大值（包含）。</translation>
    </message>
    <message>
        <source>Sample on a &amp;log scale</source>
        <translation type="vanished">按对数尺度采样(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="300" />
        <source>L&amp;og scale</source>
        <translation>对数尺度(&amp;O)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="302" />
        <source>Sample on a log scale: for rates and sizes that span orders of magnitude (low must be above 0).</source>
        <translation>按对数尺度采样：适用于跨越多个数量级的学习率和规模（下限必须大于 0）。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="304" />
        <source>&amp;Step</source>
        <translation>步长(&amp;S)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="304" />
        <source>Quantization; leave empty for none.</source>
        <translation>量化步长；留空表示不量化。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="305" />
        <source>&amp;Grid values</source>
        <translation>网格取值(&amp;G)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="306" />
        <source>Comma-separated points for grid search; other samplers sample [low, high].</source>
        <translation>网格搜索使用的逗号分隔取值；其他采样器在 [下限, 上限] 内采样。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="313" />
        <source>Double-click to edit. Numbers and true/false are typed values; put text that looks like one in quotes, like "1".</source>
        <translation>双击编辑。数字和 true/false 按类型解析；看起来像数字的文本请加引号，例如 "1"。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="317" />
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="317" />
        <source>Add a choice</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="318" />
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="318" />
        <source>Remove the selected choice</source>
        <translation>删除所选选项</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="324" />
        <source>&amp;Choices</source>
        <translation>选项(&amp;C)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="326" />
        <source>&amp;Value</source>
        <translation>值(&amp;V)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="326" />
        <source>A number, true/false or text.</source>
        <translation>数字、true/false 或文本。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="330" />
        <source>Active &amp;when</source>
        <translation>生效条件(&amp;W)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="334" />
        <source>The parameter is active when its parent takes one of the checked values.</source>
        <translation>当父参数取所勾选的值之一时，此参数生效。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="335" />
        <source>takes one of</source>
        <translation>取以下值之一</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="410" />
        <source>No parameters yet: add one with +.</source>
        <translation>还没有参数：用 + 添加一个。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="475" />
        <source>(always)</source>
        <translation>（始终）</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="508" />
        <source>Change %1 of %2</source>
        <translation>修改 %2 的 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="519" />
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="529" />
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="642" />
        <location filename="../widgets/space_editor.cpp" line="658" />
        <source>condition</source>
        <translation>条件</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SpaceModel</name>
    <message>
        <location filename="../widgets/space_model.cpp" line="39" />
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="40" />
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="41" />
        <source>low</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="42" />
        <source>high</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="43" />
        <source>log scale</source>
        <translation>对数尺度</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="44" />
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="45" />
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="52" />
        <source>condition value %1</source>
        <translation>条件值 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="52" />
        <source>condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="54" />
        <source>choice %1</source>
        <translation>选项 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="54" />
        <source>choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="56" />
        <source>grid value %1</source>
        <translation>网格取值 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="56" />
        <source>grid values</source>
        <translation>网格取值</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="94" />
        <source>parameter %1</source>
        <translation>参数 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="95" />
        <source>argument %1</source>
        <translation>命令参数 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="227" />
        <source>Search space</source>
        <translation>搜索空间</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="229" />
        <source>Parameter %1</source>
        <translation>参数 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="229" />
        <source>Parameter %1 (%2)</source>
        <translation>参数 %1（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="234" />
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="242" />
        <source>Add parameter</source>
        <translation>添加参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="258" />
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="268" />
        <source>Duplicate %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="276" />
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="291" />
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="295" />
        <source>Rename %1 to %2</source>
        <translation>将 %1 重命名为 %2</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="367" />
        <source>%1 .. %2</source>
        <translation>%1 .. %2</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="369" />
        <source>, log</source>
        <translation>，对数</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="371" />
        <source>, step %1</source>
        <translation>，步长 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="373" />
        <source>, grid: %1</source>
        <translation>，网格：%1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="377" />
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="389" />
        <source>%1 in {%2}</source>
        <translation>%1 属于 {%2}</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="426" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="427" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="428" />
        <source>Range / choices</source>
        <translation>范围 / 选项</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="429" />
        <source>Condition</source>
        <translation>条件</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TimelineView</name>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="331" />
        <source>% of the device</source>
        <translation>占设备的百分比</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="338" />
        <source>utilization (% of the device)</source>
        <translation>利用率（占设备的百分比）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="341" />
        <source>memory (share of the device's total)</source>
        <translation>内存（占设备总量的比例）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="344" />
        <source>a trial's own CPU use (its processes, in the trial's colour)</source>
        <translation>试验自身的 CPU 使用率（其进程，以该试验的颜色显示）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="353" />
        <source>No device samples recorded for this experiment yet</source>
        <translation>此实验尚未记录设备采样</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="386" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="386" />
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="558" />
        <location filename="../widgets/plots/timeline_view.cpp" line="559" />
        <source>?</source>
        <translation>？</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="577" />
        <source>another experiment on %1: '%2' in %3, trial %4</source>
        <translation>%1 上的另一个实验：%3 中的“%2”，试验 %4</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="588" />
        <source>trial %1 (#%2)</source>
        <translation>试验 %1（#%2）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="588" />
        <source>trial %1</source>
        <translation>试验 %1</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="591" />
        <source>%1 on %2: %3% util, %4 GiB</source>
        <translation>%1 在 %2 上：利用率 %3%，%4 GiB</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="593" />
        <source>%1 on %2: its processes %3% (all: %4% util, %5 GiB)</source>
        <translation>%1 在 %2 上：其进程 %3%（总计：利用率 %4%，%5 GiB）</translation>
    </message>
    <message>
        <location filename="../widgets/plots/timeline_view.cpp" line="596" />
        <source>%1: %2% util, %3 GiB</source>
        <translation>%1：利用率 %2%，%3 GiB</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrainerForm</name>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="31" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="32" />
        <source>spirals: generated two-spirals points; text: a byte-level corpus; idx: MNIST-style images; csv: a table whose last column is the class.</source>
        <translation>spirals：生成的双螺旋点；text：字节级语料；idx：MNIST 格式图像；csv：最后一列为类别的表格。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="33" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="34" />
        <source>gpt needs the text task, cnn the idx task; mlp serves spirals and csv.</source>
        <translation>gpt 需要 text 任务，cnn 需要 idx 任务；mlp 适用于 spirals 和 csv。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="35" />
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="36" />
        <source>Model size (gpt).</source>
        <translation>模型规模（gpt）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="37" />
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="38" />
        <source>text: any file; idx: the images file; csv: numbers.</source>
        <translation>text：任意文件；idx：图像文件；csv：数值表格。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="39" />
        <source>Pipeline stages</source>
        <translation>流水线阶段数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="40" />
        <source>Pipeline ranks the model is split over.</source>
        <translation>模型被切分到的流水线阶段数。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="41" />
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="42" />
        <source>cpu, cuda or cuda:N, comma separated: one per stage, or one for all.</source>
        <translation>cpu、cuda 或 cuda:N，逗号分隔：每个阶段一个，或全部共用一个。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="43" />
        <source>Micro-batches</source>
        <translation>微批次数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="44" />
        <source>Micro-batches per mini-batch.</source>
        <translation>每个小批次切分的微批次数。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="45" />
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="46" />
        <source>Pipeline schedule: GPipe, 1F1B, interleaved 1F1B or zero-bubble ZB-H1.</source>
        <translation>流水线调度：GPipe、1F1B、交错 1F1B 或零气泡 ZB-H1。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="47" />
        <source>Virtual stages</source>
        <translation>虚拟阶段数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="48" />
        <source>Stages per rank (interleaved only).</source>
        <translation>每个设备上的阶段数（仅交错调度）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="49" />
        <source>Checkpointing</source>
        <translation>激活检查点</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="50" />
        <source>Activation recomputation: keep only each stage's input and recompute its forward in backward.</source>
        <translation>激活重计算：只保留每个阶段的输入，在反向传播时重新计算前向。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="51" />
        <source>Offload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="52" />
        <source>activations: keep checkpointed stage inputs in CPU memory; l2l: layer-to-layer relay.</source>
        <translation>activations：把检查点的阶段输入放在 CPU 内存；l2l：逐层接力（L2L）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="53" />
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="54" />
        <source>bf16 autocast needs CUDA.</source>
        <translation>bf16 自动混合精度需要 CUDA。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="57" />
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="58" />
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="56" />
        <source>Training length; a step is one optimizer step.</source>
        <translation>训练长度；一步即一次优化器更新。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="55" />
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="59" />
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="60" />
        <source>Mini-batch size, split into the micro-batches.</source>
        <translation>小批次大小，会被切分成微批次。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="61" />
        <source>model default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="62" />
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="63" />
        <source>A number, or a parameter of the space such as ${lr} (type $ to complete).</source>
        <translation>一个数字，或搜索空间中的参数，例如 ${lr}（输入 $ 可自动补全）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="121" />
        <source>Further tunebench-train arguments (see docs/trainer.md), such as --hidden 128.</source>
        <translation>其他 tunebench-train 参数（见 docs/trainer.md），例如 --hidden 128。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="122" />
        <source>Other arguments</source>
        <translation>其他参数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="413" />
        <source>The gpt model needs the text task.</source>
        <translation>gpt 模型需要 text 任务。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="415" />
        <source>The text task needs the gpt model.</source>
        <translation>text 任务需要 gpt 模型。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="417" />
        <source>The cnn model needs the idx task.</source>
        <translation>cnn 模型需要 idx 任务。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="419" />
        <source>The %1 task needs a data file.</source>
        <translation>%1 任务需要数据文件。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="421" />
        <source>Offloading activations needs checkpointing (always or except_last).</source>
        <translation>卸载激活需要开启检查点（always 或 except_last）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="423" />
        <source>L2L offload relays the layers through one device: use 1 pipeline stage.</source>
        <translation>L2L 卸载让各层轮流经过同一设备：请使用 1 个流水线阶段。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrialDetail</name>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="39" />
        <source>Show pipeline schedule</source>
        <translation>显示流水线调度</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="43" />
        <location filename="../widgets/trial_detail.cpp" line="96" />
        <source>Select a trial to see its details.</source>
        <translation>选择一个试验以查看详情。</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="44" />
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="44" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="45" />
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="45" />
        <source>Last value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="52" />
        <source>The trial's output appears here.</source>
        <translation>试验的输出显示在这里。</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="65" />
        <source>The output of each worker of the trial (rank 0's carries the metrics unless trial.metrics_rank says otherwise)</source>
        <translation>试验中每个 worker 的输出（除非 trial.metrics_rank 另有指定，否则指标在 rank 0 的输出中）</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="83" />
        <source>Open the trial's measured pipeline schedule (for trials run by tunebench-train)</source>
        <translation>打开该试验实测的流水线调度（适用于由 tunebench-train 运行的试验）</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="115" />
        <source>Main output (the metrics rank)</source>
        <translation>主输出（指标所在的 rank）</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="117" />
        <source>Rank %1</source>
        <translation>rank %1</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="145" />
        <source>&lt;b&gt;Trial %1&lt;/b&gt; (#%2), attempt %3: &lt;span style='color:%4'&gt;%5&lt;/span&gt;</source>
        <translation>&lt;b&gt;试验 %1&lt;/b&gt;（#%2），第 %3 次尝试：&lt;span style='color:%4'&gt;%5&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="154" />
        <location filename="../widgets/trial_detail.cpp" line="156" />
        <source>, %1 = %2</source>
        <translation>，%1 = %2</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="159" />
        <source>, exit code %1</source>
        <translation>，退出码 %1</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="163" />
        <source>Feasible: within every constraint</source>
        <translation>可行：满足所有约束</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="164" />
        <source>&lt;span style='color:%1'&gt;Infeasible&lt;/span&gt;: beyond the constraints by %2</source>
        <translation>&lt;span style='color:%1'&gt;不可行&lt;/span&gt;：超出约束 %2</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="167" />
        <source>&lt;span style='color:%1'&gt;Infeasible&lt;/span&gt;: %2</source>
        <translation>&lt;span style='color:%1'&gt;不可行&lt;/span&gt;：%2</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="172" />
        <source>In the Pareto set: no other feasible trial is as good in every objective and better in one</source>
        <translation>在帕累托集中：没有其他可行试验在每个目标上都不差且至少在一个目标上更好</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="174" />
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="181" />
        <source>Suggested by %1 (%2): %3</source>
        <translation>由 %1 建议（%2）：%3</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="183" />
        <source>Suggested by %1 (%2)</source>
        <translation>由 %1 建议（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="185" />
        <source>Suggested by %1</source>
        <translation>由 %1 建议</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="191" />
        <source>Slurm job %1</source>
        <translation>Slurm 作业 %1</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="192" />
        <source>Slurm job %1 on %2</source>
        <translation>Slurm 作业 %1（节点 %2）</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="199" />
        <source>(inactive)</source>
        <translation>（未生效）</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trial_detail.cpp" line="227" />
        <source>%1 (%n reports)</source>
        <translation><numerusform>%1（%n 次报告）</numerusform></translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrialTable</name>
    <message>
        <location filename="../widgets/trial_table.cpp" line="302" />
        <source>Filter trials (any column)</source>
        <translation>筛选试验（任意列）</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="304" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="308" />
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="309" />
        <source>Clear the table's filter and the brushes of the plots</source>
        <translation>清除表格的筛选和图表中的刷选</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="352" />
        <source>Showing %1 of %2 trials</source>
        <translation>显示 %2 个试验中的 %1 个</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrialTableModel</name>
    <message>
        <location filename="../widgets/trial_table.cpp" line="51" />
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="52" />
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="53" />
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="54" />
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="55" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="114" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="114" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="118" />
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="174" />
        <source>Infeasible: beyond the constraints by %1</source>
        <translation>不可行：超出约束 %1</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="175" />
        <source>Infeasible: %1</source>
        <translation>不可行：%1</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="209" />
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="210" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="211" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="214" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="216" />
        <source>Feasible</source>
        <translation>可行</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="217" />
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="218" />
        <source>Attempt</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="219" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>tb::widgets::WelcomePage</name>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="47" />
        <source>Welcome to Tunebench</source>
        <translation>欢迎使用 Tunebench</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="57" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="59" />
        <source>Run the demo</source>
        <translation>运行演示</translation>
    </message>
    <message>
        <source>Tunes a simulated training run in this store: 30 trials of a few seconds, 4 at a time, with TPE. Watch the dashboard fill in.</source>
        <translation type="vanished">在此存储中用 TPE 调优一个模拟的训练任务：30 个各需几秒的试验，每次同时运行 4 个。可以看着仪表板逐步填满。</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="60" />
        <source>Tunes a simulated training run in this store: 30 trials of a few seconds, 4 at a time, with the auto sampler. Watch the dashboard fill in.</source>
        <translation>在此存储中调优一次模拟训练：30 个试验，每个几秒，每次 4 个，使用 auto 采样器。观看仪表板逐步填满。</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="65" />
        <source>Set up an experiment</source>
        <translation>设置实验</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="66" />
        <source>Describe the search space, the objective and the trial command in the Set-up tab, then launch it (F5).</source>
        <translation>在“设置”标签页中描述搜索空间、目标和试验命令，然后启动它（F5）。</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="76" />
        <source>Start from the example '%1'</source>
        <translation>从示例“%1”开始</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="81" />
        <source>Explore pipeline schedules</source>
        <translation>探索流水线调度</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="82" />
        <source>Draw and compare GPipe, 1F1B and interleaved schedules in the Pipeline tab.</source>
        <translation>在“流水线”标签页中绘制并比较 GPipe、1F1B 和交错调度。</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="87" />
        <source>Stores</source>
        <translation>存储</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="89" />
        <source>Open a store...</source>
        <translation>打开存储...</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="90" />
        <source>A .db file written by this window or by tunebench-cli, to follow its experiments.</source>
        <translation>由此窗口或 tunebench-cli 写入的 .db 文件，打开后可跟踪其中的实验。</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="93" />
        <source>New store...</source>
        <translation>新建存储...</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="94" />
        <source>An empty store: one SQLite file that keeps every trial, metric and log.</source>
        <translation>一个空存储：一个保存所有试验、指标和日志的 SQLite 文件。</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="100" />
        <source>Recent stores (double-click to open):</source>
        <translation>最近的存储（双击打开）：</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="129" />
        <source>No store is open. Open or create one, or run the demo, which uses the store in your data folder.</source>
        <translation>没有打开的存储。请打开或新建一个存储，或运行演示（它使用数据文件夹中的存储）。</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="131" />
        <source>%1 has no experiments yet.</source>
        <translation>%1 中还没有实验。</translation>
    </message>
    <message>
        <location filename="../widgets/welcome_page.cpp" line="141" />
        <source>%1 (missing)</source>
        <translation>%1（不存在）</translation>
    </message>
</context>
<context>
    <name>tb::widgets::engineText</name>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="38" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="40" />
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="43" />
        <source>unknown key; known keys: %1</source>
        <translation>未知的键；已知的键：%1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="44" />
        <source>missing; it is required</source>
        <translation>缺失；此项为必填</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="45" />
        <source>expected %1, got %2</source>
        <translation>应为%1，实际为 %2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="46" />
        <source>at most %1</source>
        <translation>最多为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="47" />
        <source>a non-empty string</source>
        <translation>非空字符串</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="48" />
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="49" />
        <source>an integer &gt;= %1</source>
        <translation>大于等于 %1 的整数</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="50" />
        <source>true or false</source>
        <translation>布尔值（true 或 false）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="51" />
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="52" />
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="53" />
        <source>nothing</source>
        <translation>未给出</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="55" />
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="57" />
        <source>a string, number or boolean</source>
        <translation>字符串、数字或布尔值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="58" />
        <source>one of %1</source>
        <translation>以下之一：%1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="59" />
        <source>give at least one value</source>
        <translation>请至少给出一个值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="60" />
        <source>missing; a fixed parameter needs its value</source>
        <translation>缺失；固定参数需要给出它的值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="61" />
        <source>'when' needs exactly one parent, like {"optimizer": ["sgd"]}</source>
        <translation>'when' 必须恰好有一个父参数，例如 {"optimizer": ["sgd"]}</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="63" />
        <source>contains a NUL character, which no program argument or environment value can carry</source>
        <translation>包含 NUL 字符，程序参数和环境变量值都无法携带该字符</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="64" />
        <source>unknown placeholder ${%1}; known: %2</source>
        <translation>未知的占位符 ${%1}；已知的：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="65" />
        <source>is empty; give at least the program to run</source>
        <translation>为空；请至少给出要运行的程序</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="66" />
        <source>missing; an external one needs its command as a list, like ["python3", "my_sampler.py"]</source>
        <translation>缺失；外部程序需要以列表形式给出它的命令，例如 ["python3", "my_sampler.py"]</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="67" />
        <source>contains a NUL character, which no program argument can carry</source>
        <translation>包含 NUL 字符，程序参数无法携带该字符</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="68" />
        <source>seconds one answer may take, in (0, 86400]</source>
        <translation>一次应答可用的秒数，范围 (0, 86400]</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="71" />
        <source>only for "format": "regex"</source>
        <translation>仅适用于 "format": "regex"</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="72" />
        <source>missing; give regular expressions with named groups, like ["(?&lt;name&gt;\\w+): (?&lt;value&gt;[-+.\\deE]+)"]</source>
        <translation>缺失；请给出带命名分组的正则表达式，例如 ["(?&lt;name&gt;\\w+): (?&lt;value&gt;[-+.\\deE]+)"]</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="73" />
        <source>is empty; give at least one pattern</source>
        <translation>为空；请至少给出一个模式</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="74" />
        <source>not a valid regular expression: %1 at character %2</source>
        <translation>不是有效的正则表达式：第 %2 个字符处 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="75" />
        <source>has no named group (?&lt;%1&gt;...); each pattern needs (?&lt;name&gt;...) and (?&lt;value&gt;...)</source>
        <translation>没有命名分组 (?&lt;%1&gt;...)；每个模式都需要 (?&lt;name&gt;...) 和 (?&lt;value&gt;...)</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="77" />
        <source>unknown algorithm '%1'; known: %2</source>
        <translation>未知的算法“%1”；已知的：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="78" />
        <source>unknown pruner '%1'; known: %2</source>
        <translation>未知的剪枝器“%1”；已知的：%2</translation>
    </message>
    <message>
        <source>missing; give {"metric": "loss", "direction": "minimize"}</source>
        <translation type="vanished">缺失；请给出 {"metric": "loss", "direction": "minimize"}</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="81" />
        <source>missing; give {"metric": "loss", "direction": "minimize"}, or "objectives": [...] for several</source>
        <translation>缺失；请给出 {"metric": "loss", "direction": "minimize"}，多个目标时给出 "objectives": [...]</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="82" />
        <source>a finite number</source>
        <translation>有限的数字</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="83" />
        <source>give either "objective" (one) or "objectives" (a list), not both</source>
        <translation>请给出 "objective"（一个）或 "objectives"（列表）之一，不能同时给出</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="84" />
        <source>expected 1 to %1 objectives, got %2</source>
        <translation>应有 1 到 %1 个目标，实际为 %2 个</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="85" />
        <source>expected an object like {"metric": "loss", "direction": "minimize"}, got %1</source>
        <translation>应为形如 {"metric": "loss", "direction": "minimize"} 的对象，实际为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="86" />
        <source>"%1" is objectives[%2] already; each objective needs a metric of its own</source>
        <translation>"%1" 已是 objectives[%2]；每个目标需要各自的指标</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="87" />
        <source>expected an object like {"metric": "peak_mem_gb", "max": 10}, got %1</source>
        <translation>应为形如 {"metric": "peak_mem_gb", "max": 10} 的对象，实际为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="88" />
        <source>give "min", "max" or both: the bounds the metric must keep</source>
        <translation>请给出 "min"、"max" 或两者：指标必须保持的界限</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="89" />
        <source>%1 is below min %2; no value could keep both</source>
        <translation>%1 低于 min %2；没有任何值能同时满足两者</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="90" />
        <source>'%1' optimizes one objective and this spec has %2; use one of %3 (auto, the default, picks one)</source>
        <translation>'%1' 只优化一个目标，而此规格有 %2 个；请使用 %3 之一（默认的 auto 会自动选择）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="91" />
        <source>pruners stop a trial by one objective's curve, and this spec has %1 objectives; use "none"</source>
        <translation>剪枝器按单个目标的曲线停止试验，而此规格有 %1 个目标；请使用 "none"</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="92" />
        <source>a positive number of seconds</source>
        <translation>正的秒数</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="94" />
        <source>a number of samples per second in (0, 20]</source>
        <translation>每秒采样次数，范围 (0, 20]</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="95" />
        <source>a GPU index (an integer 0..1023)</source>
        <translation>GPU 编号（0..1023 的整数）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="96" />
        <source>GPU %1 is listed twice</source>
        <translation>GPU %1 被列出了两次</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="97" />
        <source>"all" or a non-empty list of GPU indices like [0, 1]</source>
        <translation>"all" 或非空的 GPU 编号列表，例如 [0, 1]</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="98" />
        <source>%1 GPUs per trial, but resources.gpus lists only %2</source>
        <translation>每个试验需要 %1 块 GPU，但 resources.gpus 只列出了 %2 块</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="99" />
        <source>an integer from %1 to %2 (higher goes first)</source>
        <translation>%1 到 %2 的整数（越大越优先）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="100" />
        <source>only applies with resources.gpus ("all" or a list) or gpus_per_trial &gt;= 1</source>
        <translation>仅在设置了 resources.gpus（"all" 或列表）或 gpus_per_trial &gt;= 1 时适用</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="102" />
        <source>missing; give the command as a list, like ["python3", "train.py", "--lr=${lr}"]</source>
        <translation>缺失；请以列表形式给出命令，例如 ["python3", "train.py", "--lr=${lr}"]</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="103" />
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="104" />
        <source>the program name is empty</source>
        <translation>程序名为空</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="105" />
        <source>not a valid variable name (it must be non-empty, without '=' or NUL)</source>
        <translation>不是有效的变量名（必须非空，且不含 '=' 或 NUL）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="106" />
        <source>rank %1, but trial.workers is %2 (ranks 0..%3)</source>
        <translation>rank 为 %1，但 trial.workers 为 %2（rank 范围 0..%3）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="107" />
        <source>with trial.workers &gt; 1 give resources.gpus_per_worker instead (a trial gets workers x gpus_per_worker GPUs)</source>
        <translation>trial.workers &gt; 1 时请改用 resources.gpus_per_worker（每个试验获得 workers x gpus_per_worker 块 GPU）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="108" />
        <source>only applies with trial.workers &gt; 1; use gpus_per_trial</source>
        <translation>仅在 trial.workers &gt; 1 时适用；请使用 gpus_per_trial</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="110" />
        <source>only applies with "type": "slurm"</source>
        <translation>仅适用于 "type": "slurm"</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="111" />
        <source>"HH:MM:SS" or "D-HH:MM:SS"</source>
        <translation>"HH:MM:SS" 或 "D-HH:MM:SS"</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="112" />
        <source>a string without NUL</source>
        <translation>不含 NUL 的字符串</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="113" />
        <source>%1 is set by Tunebench (output files, job name); remove it</source>
        <translation>%1 由 Tunebench 设置（输出文件、作业名）；请删除它</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="115" />
        <source>is empty; give at least one parameter</source>
        <translation>为空；请至少给出一个参数</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="116" />
        <source>"%1" holds control characters; use printable text</source>
        <translation>“%1”包含控制字符；请使用可打印的文本</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="117" />
        <source>missing; give a list of parameters</source>
        <translation>缺失；请给出参数列表</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="118" />
        <source>missing; give {"argv": [...]} (only `tunebench-cli create` experiments, driven by ask/tell, may omit it)</source>
        <translation>缺失；请给出 {"argv": [...]}（只有由 ask/tell 驱动的 `tunebench-cli create` 实验可以省略）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="119" />
        <source>line %1: invalid JSON: %2</source>
        <translation>第 %1 行：无效的 JSON：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="120" />
        <source>the spec must be a JSON object</source>
        <translation>规格必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="121" />
        <source>cannot read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="124" />
        <source>name '%1' must be non-empty and use only letters, digits, '_', '-' and '.'</source>
        <translation>名称“%1”必须非空，且只能使用字母、数字、'_'、'-' 和 '.'</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="125" />
        <source>names starting with 'trial.' are reserved; rename the parameter</source>
        <translation>以 'trial.' 开头的名称是保留的；请重命名该参数</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="126" />
        <source>duplicate name (also space[%1]); names must be unique</source>
        <translation>名称重复（space[%1] 也用了它）；名称必须唯一</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="127" />
        <source>low and high must be finite numbers</source>
        <translation>low 和 high 必须是有限的数</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="128" />
        <source>int parameter bounds must lie within -2^53..2^53</source>
        <translation>int 参数的边界必须在 -2^53..2^53 之内</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="129" />
        <source>int parameter needs an integer low, got %1</source>
        <translation>int 参数的 low 必须是整数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="130" />
        <source>int parameter needs an integer high, got %1</source>
        <translation>int 参数的 high 必须是整数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="131" />
        <source>low must not exceed high, got low %1 &gt; high %2</source>
        <translation>low 不能大于 high，实际 low %1 &gt; high %2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="132" />
        <source>high must be greater than low, got low %1, high %2 (use type 'fixed' for a constant)</source>
        <translation>high 必须大于 low，实际 low %1，high %2（常量请使用类型 'fixed'）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="133" />
        <source>log scale needs low &gt;= 1, got %1</source>
        <translation>对数尺度要求 low &gt;= 1，实际为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="134" />
        <source>log scale needs low &gt; 0, got %1</source>
        <translation>对数尺度要求 low &gt; 0，实际为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="135" />
        <source>step and log cannot be combined; drop one of them</source>
        <translation>step 和 log 不能同时使用；请去掉其中一个</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="136" />
        <source>step must be positive, got %1</source>
        <translation>step 必须为正，实际为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="137" />
        <source>int parameter needs an integer step, got %1</source>
        <translation>int 参数的 step 必须是整数，实际为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="138" />
        <source>step %1 splits the range into more than 2^53 values; use a larger step</source>
        <translation>步长 %1 把取值范围分成了超过 2^53 个值；请使用更大的步长</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="139" />
        <source>the range %1..%2 is not a whole number of steps of %3; use high %4</source>
        <translation>范围 %1..%2 不是步长 %3 的整数倍；请把 high 设为 %4</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="140" />
        <source>grid value %1 lies outside %2..%3</source>
        <translation>网格值 %1 超出 %2..%3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="141" />
        <source>categorical parameter needs at least one choice</source>
        <translation>类别参数至少需要一个选项</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="142" />
        <source>choice %1 contains a NUL character, which no program argument can carry</source>
        <translation>选项 %1 包含 NUL 字符，程序参数无法携带该字符</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="143" />
        <source>value %1 contains a NUL character, which no program argument can carry</source>
        <translation>值 %1 包含 NUL 字符，程序参数无法携带该字符</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="144" />
        <source>choice %1 is listed twice; choices must be distinct</source>
        <translation>选项 %1 被列出了两次；选项必须互不相同</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="145" />
        <source>fixed parameter needs a value</source>
        <translation>固定参数需要一个值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="146" />
        <source>condition names an unknown parent '%1'</source>
        <translation>条件引用了未知的父参数“%1”</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="147" />
        <source>a parameter cannot be conditional on itself</source>
        <translation>参数不能以自身为条件</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="148" />
        <source>condition parent '%1' must be categorical, not %2</source>
        <translation>条件的父参数“%1”必须是类别参数，而不是 %2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="149" />
        <source>condition on '%1' needs at least one value</source>
        <translation>基于“%1”的条件至少需要一个值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="150" />
        <source>condition value %1 is not a choice of '%2'</source>
        <translation>条件值 %1 不是“%2”的选项</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="151" />
        <source>conditions form a cycle; make one parameter unconditional</source>
        <translation>条件形成了循环；请让其中一个参数不带条件</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="153" />
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="154" />
        <source>%1 lies outside %2..%3</source>
        <translation>%1 超出 %2..%3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="155" />
        <source>%1 is not one of its choices</source>
        <translation>%1 不是它的选项之一</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="156" />
        <source>is fixed to %1</source>
        <translation>固定为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="159" />
        <source>unknown setting; this one takes no settings</source>
        <translation>未知的设置；它不接受任何设置</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="160" />
        <source>unknown setting; known: %1</source>
        <translation>未知的设置；已知的：%1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="161" />
        <source>must be at least %1, got %2</source>
        <translation>必须至少为 %1，实际为 %2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="162" />
        <source>must be at most %1, got %2</source>
        <translation>最多只能为 %1，实际为 %2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="163" />
        <source>'%1' is not one of %2</source>
        <translation>“%1”不是 %2 之一</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="166" />
        <source>too many grid values; add a step</source>
        <translation>网格值过多；请添加 step</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="167" />
        <source>too many grid values; use a larger step</source>
        <translation>网格值过多；请使用更大的 step</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="168" />
        <source>at most %1 values per axis</source>
        <translation>每个轴最多 %1 个值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="169" />
        <source>grid search needs a finite set for a float: give it 'values' or a 'step', or set algorithm.settings.steps</source>
        <translation>网格搜索要求浮点参数的取值是有限集：请给它 'values' 或 'step'，或设置 algorithm.settings.steps</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="170" />
        <source>the grid has more than %1 points (or %2 values); use fewer values</source>
        <translation>网格超过 %1 个点（或 %2 个值）；请减少取值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="174" />
        <source>Sobol start: point %1 of %2</source>
        <translation>Sobol 起始阶段：第 %1 个点，共 %2 个</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="175" />
        <source>trials with a value so far: %1 of the %2 a model needs</source>
        <translation>目前有值的试验：%1 个，模型需要 %2 个</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="176" />
        <source>every parameter has one value</source>
        <translation>每个参数只有一个取值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="177" />
        <source>conditional parameters (%1): TPE models each where it is active</source>
        <translation>条件参数（%1）：TPE 只在参数生效处为其建模</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="178" />
        <source>categorical parameters (%1): TPE models their choices</source>
        <translation>分类参数（%1）：TPE 为其选项建模</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="179" />
        <source>%1-dimensional continuous space, %2 trials so far; GP until %3 trials, then CMA-ES</source>
        <translation>%1 维连续空间，目前 %2 个试验；%3 个试验之前用 GP，之后用 CMA-ES</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="180" />
        <source>%1-dimensional mixed space, %2 trials so far; GP until %3 trials, then TPE</source>
        <translation>%1 维混合空间，目前 %2 个试验；%3 个试验之前用 GP，之后用 TPE</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="181" />
        <source>%1 objectives, %2-dimensional space, %3 trials so far; GP (ParEGO) until %4 trials, then TPE</source>
        <translation>%1 个目标，%2 维空间，目前 %3 个试验；%4 个试验之前用 GP（ParEGO），之后用 TPE</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="182" />
        <source>%1 objectives: TPE ranks the trials by Pareto front, then hypervolume</source>
        <translation>%1 个目标：TPE 按 Pareto 前沿、再按超体积为试验排序</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="183" />
        <source>%1-dimensional continuous space, %2 trials so far; CMA-ES after %3 trials</source>
        <translation>%1 维连续空间，目前 %2 个试验；%3 个试验之后用 CMA-ES</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="184" />
        <source>%1-dimensional mixed space, %2 trials so far; TPE after %3 trials</source>
        <translation>%1 维混合空间，目前 %2 个试验；%3 个试验之后用 TPE</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="185" />
        <source>%1-dimensional continuous space (GP takes up to %2 dimensions); CMA-ES</source>
        <translation>%1 维连续空间（GP 最多处理 %2 维）；用 CMA-ES</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="186" />
        <source>%1-dimensional mixed space (GP takes up to %2 dimensions); TPE</source>
        <translation>%1 维混合空间（GP 最多处理 %2 维）；用 TPE</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="187" />
        <source>%1-dimensional space with conditional parameters, %2 trials so far; GP until %3 trials, then TPE</source>
        <translation>%1 维空间，含条件参数，目前 %2 个试验；%3 个试验之前用 GP，之后用 TPE</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="188" />
        <source>%1-dimensional space with conditional parameters, %2 trials so far; TPE after %3 trials</source>
        <translation>%1 维空间，含条件参数，目前 %2 个试验；%3 个试验之后用 TPE</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="189" />
        <source>%1-dimensional space with conditional parameters (GP takes up to %2 dimensions); TPE</source>
        <translation>%1 维空间，含条件参数（GP 最多处理 %2 维）；用 TPE</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="190" />
        <source>%1 gave no new point; a Sobol point instead</source>
        <translation>%1 没有给出新的点；改用一个 Sobol 点</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="191" />
        <source>%1 gave no new point; a random point instead</source>
        <translation>%1 没有给出新的点；改用一个随机点</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="194" />
        <source>must be at least min_resource (%1), got %2</source>
        <translation>必须至少为 min_resource（%1），实际为 %2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="195" />
        <source>hyperband bracket %1 of %2: %3</source>
        <translation>hyperband 第 %1 个分组（共 %2 个）：%3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="198" />
        <source>rung %1 (step %2)</source>
        <translation>第 %1 级（第 %2 步）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="199" />
        <source>NaN at step %1 reached %2</source>
        <translation>第 %1 步的值为 NaN，到达了%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="200" />
        <source>%1 holds %2 values, and bootstrap_count %3 promotes nobody until more trials reach it</source>
        <translation>%1有 %2 个值，而 bootstrap_count 为 %3：在更多试验到达之前，不让任何试验晋级</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="201" />
        <source>%1 at step %2 is not among the best %3 of %4 values at %5 (cut-off %6)</source>
        <translation>第 %2 步的值 %1 不在%5的 %4 个值中最好的 %3 个之列（阈值 %6）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="202" />
        <source>median rule: every value up to step %1 is NaN</source>
        <translation>中位数规则：直到第 %1 步的所有值都是 NaN</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="203" />
        <source>median rule: best value %1 by step %2 is worse than the median %3 of %4 completed trials at that step</source>
        <translation>中位数规则：截至第 %2 步的最好值 %1 差于 %4 个已完成试验在该步的中位数 %3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="206" />
        <source>interrupted: the engine was stopped</source>
        <translation>已中断：引擎已停止</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="207" />
        <source>timed out after %1 s</source>
        <translation>%1 秒后超时</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="208" />
        <source>stopped: the experiment's max_seconds budget ran out</source>
        <translation>已停止：实验的 max_seconds 预算已用完</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="209" />
        <source>could not start: %1</source>
        <translation>无法启动：%1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="210" />
        <source>killed by signal %1 (%2)</source>
        <translation>被信号 %1（%2）终止</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="211" />
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="212" />
        <source>no objective: the trial never printed '%1=&lt;number&gt;'</source>
        <translation>没有目标值：试验从未输出 '%1=&lt;数字&gt;'</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="213" />
        <source>the objective %1 is NaN</source>
        <translation>目标 %1 为 NaN</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="214" />
        <source>the objective %1 is infinite</source>
        <translation>目标 %1 为无穷大</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="215" />
        <source>no constraint value: the trial never printed '%1=&lt;number&gt;'</source>
        <translation>没有约束值：试验从未输出 '%1=&lt;数字&gt;'</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="216" />
        <source>the constrained metric %1 is NaN</source>
        <translation>受约束的指标 %1 为 NaN</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="217" />
        <source>the constrained metric %1 is infinite</source>
        <translation>受约束的指标 %1 为无穷大</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="218" />
        <source>the objective %1 is not finite</source>
        <translation>目标 %1 不是有限值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="219" />
        <source>%1 (attempt %2 of %3)</source>
        <translation>%1（第 %2 次尝试，共 %3 次）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="223" />
        <source>command not found: %1</source>
        <translation>找不到命令：%1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="224" />
        <source>%1 is not an executable file</source>
        <translation>%1 不是可执行文件</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="225" />
        <source>tunebench-trial (the trial supervisor) is missing beside %1 and on PATH; reinstall Tunebench</source>
        <translation>在 %1 旁边和 PATH 中都找不到 tunebench-trial（试验监管程序）；请重新安装 Tunebench</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="226" />
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="227" />
        <source>rank %1 exited with code %2</source>
        <translation>rank %1 以退出码 %2 退出</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="228" />
        <source>rank %1 was killed by signal %2</source>
        <translation>rank %1 被信号 %2 终止</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="229" />
        <source>rank %1 did not exit within %2 s after the others finished</source>
        <translation>其他 rank 结束后，rank %1 在 %2 秒内没有退出</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="233" />
        <source>Slurm job %1 ended %2 (node %3)</source>
        <translation>Slurm 作业 %1 以 %2 结束（节点 %3）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="234" />
        <source>Slurm job %1 was cancelled outside Tunebench (scancel)</source>
        <translation>Slurm 作业 %1 在 Tunebench 之外被取消（scancel）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="235" />
        <source>Slurm job %1 reached its time limit (%2)</source>
        <translation>Slurm 作业 %1 达到了时间限制（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="236" />
        <source>Slurm job %1 ran out of memory</source>
        <translation>Slurm 作业 %1 内存不足</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="237" />
        <source>Slurm job %1 is gone from the cluster and left no end record</source>
        <translation>Slurm 作业 %1 已从集群中消失，且没有留下结束记录</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="238" />
        <source>Slurm job %1 ended %2 (exit %3) without an end record</source>
        <translation>Slurm 作业 %1 以 %2 结束（退出 %3），没有结束记录</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="239" />
        <source>Slurm job %1 pending: %2</source>
        <translation>Slurm 作业 %1 排队中：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="240" />
        <source>cannot write the job file %1: %2</source>
        <translation>无法写入作业文件 %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="241" />
        <source>the cluster cannot be used: %1</source>
        <translation>无法使用集群：%1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="242" />
        <source>tunebench-trial (the trial supervisor jobs run) is missing</source>
        <translation>找不到 tunebench-trial（作业运行的试验监管程序）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="243" />
        <source>%1 is not installed here (Slurm's client commands: sbatch, squeue, scancel, scontrol); install them or use "executor": {"type": "local"}</source>
        <translation>此处未安装 %1（Slurm 的客户端命令：sbatch、squeue、scancel、scontrol）；请安装它们，或使用 "executor": {"type": "local"}</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="244" />
        <source>%1 did not answer within %2 s: is the Slurm controller (slurmctld) reachable?</source>
        <translation>%1 在 %2 秒内没有应答：Slurm 控制器（slurmctld）是否可以访问？</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="245" />
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="249" />
        <source>the max_seconds budget (%1 s) ran out</source>
        <translation>max_seconds 预算（%1 秒）已用完</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="250" />
        <source>experiment '%1' has no trial command (it was created for ask/tell); drive it with tunebench-cli ask/tell or serve</source>
        <translation>实验“%1”没有试验命令（它是为 ask/tell 创建的）；请用 tunebench-cli ask/tell 或 serve 驱动它</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="251" />
        <source>interrupted: the engine stopped while it ran</source>
        <translation>已中断：运行期间引擎停止了</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="252" />
        <source>stopped by request; resume to finish it</source>
        <translation>已按请求停止；继续运行即可完成它</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="253" />
        <source>stopped on request (tunebench-cli stop, or Stop in a window); resume to finish it</source>
        <translation>已按请求停止（tunebench-cli stop，或窗口中的“停止”）；继续运行即可完成它</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="254" />
        <source>another engine took over this experiment (this one had not renewed its lease for %1 s)</source>
        <translation>另一个引擎接管了此实验（本引擎已有 %1 秒没有续租）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="255" />
        <source>the %1 sampler has no more points (%2 trials)</source>
        <translation>%1 采样器已没有更多的点（%2 个试验）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="256" />
        <source>max_trials reached (%1 trials)</source>
        <translation>已达到 max_trials（%1 个试验）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="257" />
        <source>%1; metrics capped at trial.max_metric_rows = %2 (%3 more rows not stored)</source>
        <translation>%1；指标已达到上限 trial.max_metric_rows = %2（另有 %3 行未保存）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="258" />
        <source>metrics capped at trial.max_metric_rows = %1 (%2 more rows not stored)</source>
        <translation>指标已达到上限 trial.max_metric_rows = %1（另有 %2 行未保存）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="259" />
        <source>this attempt reached trial.max_metric_rows (%1 rows); later metrics and events are not stored, the objective is still read</source>
        <translation>本次尝试达到了 trial.max_metric_rows（%1 行）；之后的指标和事件不再保存，但仍会读取目标值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="263" />
        <source>the store holds no experiment yet; start one with tunebench-cli run SPEC.json --db %1</source>
        <translation>存储中还没有实验；请用 tunebench-cli run SPEC.json --db %1 启动一个</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="264" />
        <source>no experiment named '%1'; experiments: %2</source>
        <translation>没有名为“%1”的实验；现有实验：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="265" />
        <source>experiment '%1' holds a spec this build rejects: %2</source>
        <translation>实验“%1”的规格不被此版本接受：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="266" />
        <source>%1 trials failed (max_failed %2); last: %3</source>
        <translation>%1 个试验失败（max_failed 为 %2）；最后一个：%3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="267" />
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="268" />
        <source>its only trial failed: %1; see its log %2</source>
        <translation>唯一的试验失败了：%1；请查看它的日志 %2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="269" />
        <source>its only trial failed: %1</source>
        <translation>唯一的试验失败了：%1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="270" />
        <source>all %1 trials failed; the first: %2; see the trial logs, such as %3</source>
        <translation>全部 %1 个试验都失败了；第一个：%2；请查看试验日志，例如 %3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="271" />
        <source>all %1 trials failed; the first: %2</source>
        <translation>全部 %1 个试验都失败了；第一个：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="274" />
        <source>experiment '%1' is already being run by %2. Stop it with: tunebench-cli stop --db %3 --experiment %1 (or Stop in its window), then resume it</source>
        <translation>实验“%1”已由 %2 运行。请先用 tunebench-cli stop --db %3 --experiment %1（或在它的窗口中点“停止”）停止它，然后再继续运行</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="275" />
        <source>%1 (pid %2 on host %3, since %4, last heartbeat %5 s ago)</source>
        <translation>%1（主机 %3 上的 pid %2，自 %4 起，上次心跳在 %5 秒前）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="276" />
        <source>an engine</source>
        <translation>一个引擎</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="280" />
        <source>no such store; check the --db path</source>
        <translation>没有这个存储；请检查 --db 路径</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="281" />
        <source>cannot open the store: %1</source>
        <translation>无法打开存储：%1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="282" />
        <source>not a Tunebench store (%1)</source>
        <translation>不是 Tunebench 存储（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="283" />
        <source>not a Tunebench store (it belongs to another application, SQLite application id 0x%1); pick another --db file</source>
        <translation>不是 Tunebench 存储（它属于另一个应用，SQLite application id 0x%1）；请选择另一个 --db 文件</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="284" />
        <source>not a Tunebench store (it holds other tables); pick another --db file</source>
        <translation>不是 Tunebench 存储（它包含其他表）；请选择另一个 --db 文件</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="285" />
        <source>written by a newer Tunebench (schema %1; this build knows up to %2); upgrade Tunebench to open it</source>
        <translation>由更新版本的 Tunebench 写入（schema %1；此版本最高支持 %2）；请升级 Tunebench 后再打开</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="286" />
        <source>the store's write-ahead log was deleted or replaced while this process had it open (its file locks were lost); nothing more is written, so that no result goes into a deleted file. Close this program and open the store again; trials that were running resume with tunebench-cli resume</source>
        <translation>本进程打开存储期间，它的预写日志被删除或替换（文件锁已丢失）；为避免把结果写进已删除的文件，不再写入任何内容。请关闭本程序并重新打开存储；正在运行的试验可用 tunebench-cli resume 继续</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="287" />
        <source>an experiment named '%1' already exists in %2; resume it (tunebench-cli resume --db %2 --experiment %1) or choose another name</source>
        <translation>%2 中已有名为“%1”的实验；请继续运行它（tunebench-cli resume --db %2 --experiment %1），或换一个名称</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="291" />
        <source>GPU %1 is not visible; this machine has %2</source>
        <translation>看不到 GPU %1；本机%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="292" />
        <source>GPUs 0..%1</source>
        <translation>有 GPU 0..%1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="293" />
        <source>no GPU</source>
        <translation>没有 GPU</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="294" />
        <source>trials need %1 GPU(s) (%2), but no GPU is visible (no NVIDIA driver, or TUNEBENCH_FAKE_GPUS=0); set gpus_per_trial to 0 or remove resources.gpus to run trials on the CPU</source>
        <translation>试验需要 %1 块 GPU（%2），但看不到任何 GPU（没有 NVIDIA 驱动，或 TUNEBENCH_FAKE_GPUS=0）；请把 gpus_per_trial 设为 0 或删除 resources.gpus，以在 CPU 上运行试验</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="295" />
        <source>the default with resources.gpus</source>
        <translation>设置 resources.gpus 时的默认值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="296" />
        <source>%1 GPUs per trial, but only %2 GPU(s) are available</source>
        <translation>每个试验需要 %1 块 GPU，但只有 %2 块可用</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="297" />
        <source>cannot use the GPU slot folder %1 (%2); set TUNEBENCH_GPU_SLOTS_DIR to a folder every engine of this machine can write</source>
        <translation>无法使用 GPU 槽位文件夹 %1（%2）；请把 TUNEBENCH_GPU_SLOTS_DIR 设为本机每个引擎都能写入的文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="300" />
        <source>needs %1 GPUs but resources.gpus has %2</source>
        <translation>需要 %1 块 GPU，但 resources.gpus 只有 %2 块</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="301" />
        <source>needs %1 GPUs, %2 usable: %3</source>
        <translation>需要 %1 块 GPU，可用 %2 块：%3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="302" />
        <source>GPU %1 is not visible</source>
        <translation>看不到 GPU %1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="303" />
        <source>GPU %1 held by %2 (trials_per_gpu %3)</source>
        <translation>GPU %1 被 %2 占用（trials_per_gpu %3）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="304" />
        <source>GPU %1 runs %2 trial (trials_per_gpu %3)</source>
        <translation>GPU %1 正在运行 %2 个试验（trials_per_gpu %3）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="305" />
        <source>GPU %1 runs %2 trials (trials_per_gpu %3)</source>
        <translation>GPU %1 正在运行 %2 个试验（trials_per_gpu %3）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="306" />
        <source>GPU %1 busy with foreign processes (pid %2)</source>
        <translation>GPU %1 被外部进程占用（pid %2）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="307" />
        <source>GPU %1 has %2 free &lt; %3</source>
        <translation>GPU %1 的空闲显存 %2 &lt; %3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="308" />
        <source>experiment '%1' in %2, trial %3</source>
        <translation>%2 中的实验“%1”的试验 %3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="309" />
        <source>%1 trial(s) of this experiment</source>
        <translation>本实验的 %1 个试验</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="310" />
        <source>GPU %1: experiment '%2' in %3 waits for it too and goes first (higher priority)</source>
        <translation>GPU %1：%3 中的实验“%2”也在等待它，并且排在前面（优先级更高）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="311" />
        <source>GPU %1: experiment '%2' in %3 waits for it too and goes first (its turn)</source>
        <translation>GPU %1：%3 中的实验“%2”也在等待它，并且排在前面（轮到它了）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="312" />
        <source>GPU %1: no free slot file in %2</source>
        <translation>GPU %1：%2 中没有空闲的槽位文件</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="317" />
        <source>the external sampler (%1) %2, after it had been started again once; its log: %3; it last wrote: %4</source>
        <translation>外部采样器（%1）在重启过一次之后%2；它的日志：%3；它最后输出的是：%4</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="318" />
        <source>the external sampler (%1) %2, after it had been started again once; its log: %3</source>
        <translation>外部采样器（%1）在重启过一次之后%2；它的日志：%3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="319" />
        <source>the external pruner (%1) %2, after it had been started again once; its log: %3; it last wrote: %4</source>
        <translation>外部剪枝器（%1）在重启过一次之后%2；它的日志：%3；它最后输出的是：%4</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="320" />
        <source>the external pruner (%1) %2, after it had been started again once; its log: %3</source>
        <translation>外部剪枝器（%1）在重启过一次之后%2；它的日志：%3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="321" />
        <source>could not be started: %1</source>
        <translation>无法启动：%1</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="322" />
        <source>crashed</source>
        <translation>崩溃了</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="323" />
        <source>exited with code %1</source>
        <translation>以退出码 %1 退出</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="324" />
        <source>gave no answer within %1 s (algorithm.timeout_s)</source>
        <translation>在 %1 秒内没有应答（algorithm.timeout_s）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="325" />
        <source>the external sampler's answer for trial %1 is an error: %2</source>
        <translation>外部采样器对试验 %1 的应答是一个错误：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="326" />
        <source>the external sampler's answer for trial %1 has no "params" object: %2</source>
        <translation>外部采样器对试验 %1 的应答中没有 "params" 对象：%2</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="327" />
        <source>the external sampler's answer for trial %1: %2 (answer: %3)</source>
        <translation>外部采样器对试验 %1 的应答：%2（应答：%3）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="328" />
        <source>'%1' is given but inactive (its condition on '%2' does not hold); leave it out</source>
        <translation>给出了“%1”，但它未生效（它基于“%2”的条件不成立）；请省略它</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="329" />
        <source>'%1' is missing; every active parameter needs a value</source>
        <translation>缺少“%1”；每个生效的参数都需要一个值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="330" />
        <source>pruned by the external pruner</source>
        <translation>被外部剪枝器剪枝</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="331" />
        <source>not a parameter of this experiment</source>
        <translation>不是此实验的参数</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="332" />
        <source>expected a number, string or boolean</source>
        <translation>应为数字、字符串或布尔值</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="335" />
        <source>program "%1" not found: it is %2. Install it, give its full path in trial.argv[0], or add its folder to %3</source>
        <translation>找不到程序“%1”：它%2。请安装它、在 trial.argv[0] 中给出完整路径，或把它所在的文件夹加入 %3</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="336" />
        <source>not on %1</source>
        <translation>不在 %1 中</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="337" />
        <source>neither on %1 nor in %2 (beside this program)</source>
        <translation>既不在 %1 中，也不在 %2（本程序旁边）</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="338" />
        <source>the PATH of trial.env</source>
        <translation>trial.env 的 PATH</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="339" />
        <source>program "%1" not found: there is no such file. Install it there, or give the right path</source>
        <translation>找不到程序“%1”：没有这个文件。请把它安装到那里，或给出正确的路径</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="340" />
        <source>program "%1" not found: there is no %2 (relative paths start from trial.workdir, %3). Give the right path, or set trial.workdir</source>
        <translation>找不到程序“%1”：没有 %2（相对路径从 trial.workdir，即 %3 开始）。请给出正确的路径，或设置 trial.workdir</translation>
    </message>
    <message>
        <location filename="../widgets/models/engine_text.cpp" line="341" />
        <source>%1 is not an executable file. Make it executable (chmod +x), or run it through its interpreter, like ["python3", "train.py", ...]</source>
        <translation>%1 不是可执行文件。请使其可执行（chmod +x），或通过解释器运行它，例如 ["python3", "train.py", ...]</translation>
    </message>
</context>
<context>
    <name>tb::widgets::files</name>
    <message>
        <location filename="../widgets/models/file_dialogs.cpp" line="31" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/models/file_dialogs.cpp" line="64" />
        <source>%1 is a file of a store this window has open; Tunebench reads and writes it only through SQLite. Choose another file.</source>
        <translation>%1 是此窗口已打开的某个存储的文件；Tunebench 只通过 SQLite 读写它。请选择其他文件。</translation>
    </message>
    <message>
        <location filename="../widgets/models/file_dialogs.cpp" line="87" />
        <source>Tunebench stores (*.db);;All files (*)</source>
        <translation>Tunebench 存储 (*.db);;所有文件 (*)</translation>
    </message>
</context>
</TS>