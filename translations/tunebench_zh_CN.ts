<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui_main.cpp" line="48"/>
        <source>Hyperparameter optimization workbench</source>
        <translation>超参数优化工作台</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="25"/>
        <source>Launch the bundled demo experiment.</source>
        <translation>启动内置的演示实验。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="27"/>
        <source>Save a picture of each main view to DIR after SECONDS, then quit.</source>
        <translation>在 SECONDS 秒后把每个主视图的截图保存到 DIR，然后退出。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="28"/>
        <source>Seconds before --screenshots.</source>
        <translation>--screenshots 之前等待的秒数。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="30"/>
        <source>Open the Pipeline view on a PyTorch per-rank schedule CSV.</source>
        <translation>在流水线视图中打开 PyTorch 按 rank 的调度 CSV。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="33"/>
        <source>Draw VIEW (curves, history, parallel, importance, devices, pipeline) of an experiment to --output without a display, then exit.</source>
        <translation>无需显示器，将实验的 VIEW 视图（curves、history、parallel、importance、devices、pipeline）绘制到 --output，然后退出。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="36"/>
        <source>With --render: the store.</source>
        <translation>配合 --render：存储文件。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="37"/>
        <source>With --render: the experiment (default: the newest).</source>
        <translation>配合 --render：实验（默认：最新的）。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="39"/>
        <source>With --render pipeline: the trial whose measured schedule to draw.</source>
        <translation>配合 --render pipeline：要绘制其实测调度的试验。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="41"/>
        <source>With --render: FILE.png, FILE.svg or FILE.pdf.</source>
        <translation>配合 --render：FILE.png、FILE.svg 或 FILE.pdf。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="43"/>
        <source>With --render: the picture&apos;s size (default 1200x800).</source>
        <translation>配合 --render：图片尺寸（默认 1200x800）。</translation>
    </message>
    <message>
        <location filename="../app/gui_main.cpp" line="52"/>
        <source>The store to open (default: the one in your data folder).</source>
        <translation>要打开的存储文件（默认：数据文件夹中的存储）。</translation>
    </message>
</context>
<context>
    <name>tb::algorithms::registry</name>
    <message>
        <location filename="../widgets/registry_text.cpp" line="10"/>
        <source>&apos;ipop&apos; restarts from a random mean with a larger population when the search converges or stagnates; &apos;none&apos; keeps the one run going.</source>
        <translation>&apos;ipop&apos;：搜索收敛或停滞时，以更大的种群从随机均值重新开始；&apos;none&apos;：一直沿用同一次运行。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="11"/>
        <source>Asynchronous successive halving: at steps min_resource * reduction_factor^k a trial goes on only if it is among the best 1/reduction_factor of all trials that reached that step.</source>
        <translation>异步逐次减半（ASHA）：在第 min_resource * reduction_factor^k 步，只有位于到达该步的所有试验中最好的 1/reduction_factor 之列的试验才能继续。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="12"/>
        <source>At most this many trials form the good set (it holds 10% of the trials, rounded up).</source>
        <translation>“好”集合最多包含这么多试验（占全部试验的 10%，向上取整）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="13"/>
        <source>Best candidates refined by gradient ascent of the acquisition.</source>
        <translation>用采集函数的梯度上升细化的最佳候选点数。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="14"/>
        <source>CMA-ES with IPOP restarts over the float and int parameters; strong on continuous problems with budgets of hundreds of trials and more. Categorical, fixed and conditional parameters fall back to independent uniform draws.</source>
        <translation>对浮点和整数参数使用带 IPOP 重启的 CMA-ES；适合预算为数百次以上试验的连续问题。类别、固定和条件参数退化为独立均匀采样。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="15"/>
        <source>Candidates drawn from the good-trial model per suggestion; the best ratio l/g wins.</source>
        <translation>每次建议从“好”试验模型中抽取的候选数；l/g 比值最大者胜出。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="16"/>
        <source>Compress values far above the median logarithmically before fitting, so that a few very bad trials do not flatten the model where the good ones are.</source>
        <translation>拟合前对远高于中位数的值做对数压缩，避免少数很差的试验把好试验所在区域的模型压平。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="17"/>
        <source>Count running trials as bad results so that parallel suggestions spread out.</source>
        <translation>把运行中的试验视为差结果，使并行建议彼此分散。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="18"/>
        <source>Each rung keeps the best 1/reduction_factor; rungs are this factor apart in steps.</source>
        <translation>每一级保留最好的 1/reduction_factor；相邻两级的步数相差这个倍数。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="19"/>
        <source>Every combination once, in a seeded order; the experiment ends when the grid is exhausted.</source>
        <translation>按种子确定的顺序，每个组合各试一次；网格用尽时实验结束。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="20"/>
        <source>Factor by which each IPOP restart multiplies the population.</source>
        <translation>每次 IPOP 重启时种群规模乘以的倍数。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="21"/>
        <source>Gaussian-process Bayesian optimisation (Matérn-5/2 ARD kernel, log expected improvement, kriging believer for parallel trials). The most sample-efficient choice for small budgets on smooth, low-dimensional problems; categoricals are one-hot encoded, inactive conditional parameters sit at a fixed value.</source>
        <translation>高斯过程贝叶斯优化（Matérn-5/2 ARD 核、对数期望改进、并行试验采用 kriging believer）。在预算小、平滑且低维的问题上样本效率最高；类别参数使用独热编码，未生效的条件参数取固定值。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="22"/>
        <source>How the start-up trials are drawn: scrambled Sobol points (sobol) or uniform at random (random, Optuna).</source>
        <translation>启动阶段试验的抽取方式：加扰 Sobol 点（sobol）或均匀随机（random，与 Optuna 相同）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="23"/>
        <source>Hyperband: trials are spread over successive-halving brackets that stop trials early to different degrees, hedging against rankings that change late in training.</source>
        <translation>Hyperband：把试验分配到提前停止程度不同的多个逐次减半分组中，以防训练后期排名发生变化。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="24"/>
        <source>Independent uniform draws (log scales respected). A robust baseline for any budget.</source>
        <translation>独立均匀采样（遵循对数尺度）。适用于任何预算的稳健基线。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="25"/>
        <source>Initial step size, as a fraction of each parameter&apos;s range (the unit cube).</source>
        <translation>初始步长，以各参数取值范围（单位超立方体）的比例表示。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="26"/>
        <source>Keep kernels at least range/min(100, n+2) wide, so that the model does not collapse.</source>
        <translation>保持核宽度至少为 range/min(100, n+2)，防止模型坍缩。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="28"/>
        <source>Median stopping rule: stops a trial whose best value so far is worse than the median of completed trials at the same step.</source>
        <translation>中位数停止规则：若试验至今的最好值差于已完成试验在同一步的中位数，则停止该试验。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="29"/>
        <source>Model parameters jointly (grouped by which trials they are active in), which captures correlations; false models each parameter on its own (Optuna&apos;s default).</source>
        <translation>联合建模参数（按它们在哪些试验中生效分组），可以捕捉参数间的相关性；false 表示逐个参数单独建模（Optuna 的默认值）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="30"/>
        <source>Multivariate kernel widths: each kernel&apos;s gaps to its neighbours, floored (neighbour), or one Scott-like width for all (scott, Optuna 3.1).</source>
        <translation>多变量模式下的核宽度：每个核取其与相邻点的间距并设下限（neighbour），或所有核共用一个 Scott 式宽度（scott，与 Optuna 3.1 相同）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="40"/>
        <source>Start-up trials (see startup) before the model takes over (completed and pruned ones count).</source>
        <translation>启动阶段试验数（见 startup），之后由模型接管（已完成和已剪枝的试验都计入）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="46"/>
        <source>Tree-structured Parzen Estimator: models good and bad trials, samples where good ones are likely. Handles log, int, categorical and conditional parameters; quasi-random (Sobol) for the first trials.</source>
        <translation>树结构 Parzen 估计器：分别为好试验和差试验建模，在好试验可能出现的地方采样。支持对数、整数、类别和条件参数；最初的若干试验使用准随机（Sobol）点。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="51"/>
        <source>Uniform mass each categorical kernel spreads over all choices (Optuna 3.1 uses prior_weight, 1 by default); larger tries other choices more often.</source>
        <translation>每个类别核均匀分配到所有选项上的质量（Optuna 3.1 使用 prior_weight，默认为 1）；越大越常尝试其他选项。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="31"/>
        <source>Never stops a trial early.</source>
        <translation>从不提前停止试验。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="27"/>
        <source>Let the range ends widen the outermost kernels (univariate, or bandwidth: neighbour).</source>
        <translation>让取值范围的端点加宽最外侧的核（单变量模式，或 bandwidth: neighbour）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="32"/>
        <source>No pruning at a step where fewer completed trials reported a value.</source>
        <translation>若在某一步报告过值的已完成试验少于此数，则该步不剪枝。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="33"/>
        <source>No pruning before a trial reaches this step (steps count from 0).</source>
        <translation>试验到达此步之前不剪枝（步数从 0 开始）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="34"/>
        <source>No pruning until this many trials have completed.</source>
        <translation>在这么多试验完成之前不剪枝。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="35"/>
        <source>Points per float that has neither &apos;values&apos; nor a &apos;step&apos; (log-spaced on log scales); 0: required.</source>
        <translation>没有 &apos;values&apos; 也没有 &apos;step&apos; 的浮点参数取的点数（对数尺度上按对数等距）；0 表示必须另行指定。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="36"/>
        <source>Randomise the sequence by the seed (digital shift).</source>
        <translation>用种子随机化序列（数字移位）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="37"/>
        <source>Scrambled Sobol quasi-random points: even coverage of the space; good for a first sweep.</source>
        <translation>加扰的 Sobol 准随机点：均匀覆盖搜索空间，适合初步扫描。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="38"/>
        <source>Skips the first rungs: the first rung sits at min_resource * reduction_factor^rate.</source>
        <translation>跳过最前面的几级：第一级位于 min_resource * reduction_factor^rate。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="39"/>
        <source>Sobol candidates scored per suggestion (a quarter as many again are drawn near the best trials).</source>
        <translation>每次建议评估的 Sobol 候选点数（另在最佳试验附近再抽取其四分之一）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="41"/>
        <source>Starts of the hyperparameter fit (the first at the priors&apos; centres).</source>
        <translation>超参数拟合的起点数（第一个位于先验中心）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="42"/>
        <source>Step of the first rung of the first bracket.</source>
        <translation>第一个分组第一级所在的步数。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="43"/>
        <source>Step of the first rung.</source>
        <translation>第一级所在的步数。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="44"/>
        <source>Steps between checks, counted from n_warmup_steps.</source>
        <translation>两次检查之间的步数，从 n_warmup_steps 开始计。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="45"/>
        <source>Steps of a full trial; with min_resource it sets the number of brackets, floor(log_reduction_factor(max_resource / min_resource)) + 1.</source>
        <translation>完整试验的步数；与 min_resource 一起决定分组数：floor(log_reduction_factor(max_resource / min_resource)) + 1。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="47"/>
        <source>Trials per generation; 0 picks 4 + floor(3 ln n) for n searched parameters (1 acts as 2).</source>
        <translation>每一代的试验数；0 表示对 n 个搜索参数取 4 + floor(3 ln n)（1 按 2 处理）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="48"/>
        <source>Trials that reach a rung before more than this many have are stopped there.</source>
        <translation>在到达某一级的试验超过此数之前到达的试验会在该级停止。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="49"/>
        <source>Trials that reach a rung before more than this many of their bracket have are stopped there.</source>
        <translation>在其所在分组中到达某一级的试验超过此数之前到达的试验会在该级停止。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="50"/>
        <source>Trials used to fit the hyperparameters (recent half plus an even spread); all trials enter the posterior. Bounds the cost of a suggestion on long runs.</source>
        <translation>用于拟合超参数的试验数（最近的一半加上均匀抽取的其余部分）；所有试验都进入后验。限制长时间运行时每次建议的开销。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="52"/>
        <source>Uniform random trials before the model is used (at least 2 are always random).</source>
        <translation>使用模型之前的均匀随机试验数（至少 2 个总是随机的）。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="53"/>
        <source>Uniform random trials first; the best of them becomes the initial mean.</source>
        <translation>先进行均匀随机试验；其中最好的作为初始均值。</translation>
    </message>
    <message>
        <location filename="../widgets/registry_text.cpp" line="54"/>
        <source>Weight of the wide prior kernel in each mixture; larger explores more.</source>
        <translation>每个混合中宽先验核的权重；越大探索越多。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::AlgorithmChooser</name>
    <message>
        <location filename="../widgets/algorithm_chooser.cpp" line="32"/>
        <source>Your own optimizer, or Optuna&apos;s through the shipped adapter, as a process of its own: it gets each request as a JSON line and answers with the next trial&apos;s parameters. Its stderr is shown in the dashboard&apos;s Sampler log.</source>
        <translation>你自己的优化器（或通过随附适配器使用 Optuna 的采样器），作为独立进程运行：每个请求以一行 JSON 发给它，它回答下一个试验的参数。其标准错误输出显示在仪表盘的“采样器日志”中。</translation>
    </message>
    <message>
        <location filename="../widgets/algorithm_chooser.cpp" line="35"/>
        <source>Your own early-stopping rule as a process of its own: it gets each new report of a running trial as a JSON line and answers whether to stop it.</source>
        <translation>你自己的早停规则，作为独立进程运行：运行中试验的每次新报告以一行 JSON 发给它，它回答是否停止该试验。</translation>
    </message>
    <message>
        <location filename="../widgets/algorithm_chooser.cpp" line="117"/>
        <source>Unknown; choose one from the list.</source>
        <translation>未知；请从列表中选择。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ArgvEditor</name>
    <message>
        <location filename="../widgets/command_editors.cpp" line="93"/>
        <source>One argument per line, passed as is (no shell). ${name} is replaced by the parameter&apos;s value; type $ to complete.</source>
        <translation>每行一个参数，原样传递（不经过 shell）。${name} 会被替换为参数值；输入 $ 可自动补全。</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="95"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="95"/>
        <source>Add an argument after the selected one</source>
        <translation>在所选参数之后添加一个参数</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="96"/>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="96"/>
        <source>Remove the selected argument</source>
        <translation>删除所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="97"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="97"/>
        <source>Move the selected argument up</source>
        <translation>上移所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="98"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="98"/>
        <source>Move the selected argument down</source>
        <translation>下移所选参数</translation>
    </message>
</context>
<context>
    <name>tb::widgets::Dashboard</name>
    <message>
        <location filename="../widgets/dashboard.cpp" line="44"/>
        <source>Parallel coordinates</source>
        <translation>平行坐标</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="45"/>
        <source>Parameter importance</source>
        <translation>参数重要性</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="46"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../widgets/dashboard.cpp" line="47"/>
        <source>Sampler log</source>
        <translation>采样器日志</translation>
    </message>
</context>
<context>
    <name>tb::widgets::EngineHost</name>
    <message>
        <location filename="../widgets/engine_host.cpp" line="36"/>
        <location filename="../widgets/engine_host.cpp" line="56"/>
        <source>An experiment is already running in this window; stop it first.</source>
        <translation>此窗口中已有实验在运行；请先停止它。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::EnvEditor</name>
    <message>
        <location filename="../widgets/command_editors.cpp" line="182"/>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="182"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="186"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="186"/>
        <source>Add a variable</source>
        <translation>添加变量</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="187"/>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <location filename="../widgets/command_editors.cpp" line="187"/>
        <source>Remove the selected variable</source>
        <translation>删除所选变量</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ExternalForm</name>
    <message>
        <location filename="../widgets/external_form.cpp" line="65"/>
        <source>python3 my_sampler.py</source>
        <translation>python3 my_sampler.py</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="66"/>
        <source>The program and its arguments, started without a shell in the spec&apos;s folder. It reads one JSON request per line and answers one JSON line each (docs/spec.md).</source>
        <translation>程序及其参数，在规格文件所在文件夹中启动，不经过 shell。它每行读取一个 JSON 请求，并对每个请求回答一行 JSON（docs/spec.md）。</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="68"/>
        <source>Shipped</source>
        <translation>随附</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="71"/>
        <source>Samplers that come with Tunebench</source>
        <translation>Tunebench 自带的采样器</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="88"/>
        <source>A JSON object, passed to the process in its requests as &quot;settings&quot;</source>
        <translation>一个 JSON 对象，在请求中作为 &quot;settings&quot; 传给该进程</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="100"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="101"/>
        <location filename="../widgets/external_form.cpp" line="162"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="144"/>
        <source>Give the command that starts the sampler, or choose a shipped one.</source>
        <translation>请给出启动采样器的命令，或选择一个随附的采样器。</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="151"/>
        <source>Settings: %1 at character %2.</source>
        <translation>设置：第 %2 个字符处 %1。</translation>
    </message>
    <message>
        <location filename="../widgets/external_form.cpp" line="153"/>
        <source>Settings: give a JSON object, like {&quot;sampler&quot;: &quot;tpe&quot;}.</source>
        <translation>设置：请给出一个 JSON 对象，例如 {&quot;sampler&quot;: &quot;tpe&quot;}。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::GanttChart</name>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="270"/>
        <source>%1 measured: %2 to %3 (%4)</source>
        <translation>%1 实测：%2 至 %3（%4）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="270"/>
        <source>%1 simulated: %2 to %3 (%4)</source>
        <translation>%1 模拟：%2 至 %3（%4）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="276"/>
        <source>More than %1% off the simulation</source>
        <translation>与模拟相差超过 %1%</translation>
    </message>
</context>
<context>
    <name>tb::widgets::HistoryPlot</name>
    <message>
        <location filename="../widgets/plots.cpp" line="983"/>
        <source>Optimization history</source>
        <translation>优化历史</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="984"/>
        <source>trial number</source>
        <translation>试验序号</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="989"/>
        <source>best so far</source>
        <translation>当前最优</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="1109"/>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="1111"/>
        <source>%1 (pruned)</source>
        <translation>%1（已剪枝）</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="1113"/>
        <source>%1 (failed)</source>
        <translation>%1（失败）</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ImportancePlot</name>
    <message>
        <location filename="../widgets/plots.cpp" line="1411"/>
        <source>Parameter importance</source>
        <translation>参数重要性</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="1412"/>
        <source>share of the objective&apos;s variance</source>
        <translation>占目标方差的比例</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="1470"/>
        <source>%1: %2%</source>
        <translation>%1：%2%</translation>
    </message>
</context>
<context>
    <name>tb::widgets::LearningCurvesPlot</name>
    <message>
        <location filename="../widgets/plots.cpp" line="711"/>
        <source>Learning curves</source>
        <translation>学习曲线</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="712"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="969"/>
        <source>%1: %2 %3 at step %4</source>
        <translation>%1：第 %4 步时 %2 %3</translation>
    </message>
</context>
<context>
    <name>tb::widgets::MainWindow</name>
    <message>
        <location filename="../widgets/main_window.cpp" line="58"/>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="59"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="60"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="61"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="62"/>
        <location filename="../widgets/main_window.cpp" line="64"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="73"/>
        <source>Tunebench</source>
        <translation>Tunebench</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="82"/>
        <source>Set-up</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="83"/>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="84"/>
        <source>Pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="88"/>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="105"/>
        <source>Experiment %1: %2</source>
        <translation>实验 %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="107"/>
        <location filename="../widgets/main_window.cpp" line="560"/>
        <source>Experiment runs elsewhere</source>
        <translation>实验在别处运行</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="127"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="128"/>
        <source>&amp;New Store...</source>
        <translation>新建存储(&amp;N)...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="130"/>
        <source>&amp;Open Store...</source>
        <translation>打开存储(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="132"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="135"/>
        <source>&amp;Import Spec...</source>
        <translation>导入规格(&amp;I)...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="136"/>
        <source>Import &amp;Optuna Study...</source>
        <translation>导入 &amp;Optuna 研究...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="137"/>
        <source>&amp;Export Spec...</source>
        <translation>导出规格(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="139"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="142"/>
        <source>E&amp;xperiment</source>
        <translation>实验(&amp;X)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="143"/>
        <source>&amp;Launch</source>
        <translation>启动(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="146"/>
        <source>Cannot launch</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="149"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="150"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="152"/>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="153"/>
        <source>Best Config</source>
        <translation>最优配置</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="154"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="154"/>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="155"/>
        <source>Command-line arguments</source>
        <translation>命令行参数</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="157"/>
        <source>Copy as %1</source>
        <translation>复制为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="158"/>
        <source>Save as %1...</source>
        <translation>另存为 %1...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="160"/>
        <source>All Trials as CSV...</source>
        <translation>全部试验导出为 CSV...</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="162"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="163"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="166"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="175"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="176"/>
        <source>&amp;About Tunebench</source>
        <translation>关于 Tunebench(&amp;A)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="177"/>
        <source>About Tunebench</source>
        <translation>关于 Tunebench</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="178"/>
        <source>&lt;b&gt;Tunebench %1&lt;/b&gt;&lt;p&gt;Hyperparameter optimization for deep-learning training on one workstation. Every trial, metric and log is kept in one SQLite file.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Tunebench %1&lt;/b&gt;&lt;p&gt;在单台工作站上为深度学习训练做超参数优化。所有试验、指标和日志都保存在一个 SQLite 文件中。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="183"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="197"/>
        <source>Cannot open store</source>
        <translation>无法打开存储</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="205"/>
        <source>Store: %1</source>
        <translation>存储：%1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="206"/>
        <source>%1 - Tunebench</source>
        <translation>%1 - Tunebench</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="229"/>
        <source>Cannot launch the demo</source>
        <translation>无法启动演示</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="235"/>
        <location filename="../widgets/main_window.cpp" line="266"/>
        <source>No store is open.</source>
        <translation>没有打开的存储。</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="255"/>
        <source>Cannot open schedule</source>
        <translation>无法打开调度</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="266"/>
        <source>No pipeline schedule</source>
        <translation>没有流水线调度</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="279"/>
        <source>Trials are running</source>
        <translation>试验正在运行</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="280"/>
        <source>Experiment &apos;%1&apos; is still running. Stop its trials (they are queued again and can be resumed), or keep it running in the background without this window?</source>
        <translation>实验“%1”仍在运行。要停止它的试验（它们会重新排队，之后可以继续），还是在没有此窗口的情况下在后台继续运行？</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="284"/>
        <source>Stop Trials</source>
        <translation>停止试验</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="285"/>
        <source>Keep Running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="293"/>
        <source>Could not continue in the background</source>
        <translation>无法在后台继续</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="294"/>
        <source>tunebench-cli was not found. The experiment was stopped and can be resumed.</source>
        <translation>找不到 tunebench-cli。实验已停止，之后可以继续。</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="314"/>
        <source>New Store</source>
        <translation>新建存储</translation>
    </message>
    <message>
        <source>Tunebench stores (*.db);;All files (*)</source>
        <translation type="vanished">Tunebench 存储 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="321"/>
        <source>Open Store</source>
        <translation>打开存储</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="339"/>
        <source>Import Spec</source>
        <translation>导入规格</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="339"/>
        <location filename="../widgets/main_window.cpp" line="468"/>
        <source>Experiment specs (*.json)</source>
        <translation>实验规格 (*.json)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="346"/>
        <location filename="../widgets/main_window.cpp" line="390"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="346"/>
        <source>%1: not a JSON object (%2)</source>
        <translation>%1：不是 JSON 对象（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="358"/>
        <location filename="../widgets/main_window.cpp" line="378"/>
        <source>Import Optuna Study</source>
        <translation>导入 Optuna 研究</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="358"/>
        <source>Optuna storages (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Optuna 存储 (*.db *.sqlite *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="362"/>
        <source>no store is open</source>
        <translation>没有打开的存储</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="378"/>
        <source>Study:</source>
        <translation>研究：</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="383"/>
        <source>Imported Optuna study &apos;%1&apos;: %2 trials</source>
        <translation>已导入 Optuna 研究“%1”：%2 个试验</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="400"/>
        <source>--render: unknown view &apos;%1&apos;; one of %2</source>
        <translation>--render：未知视图“%1”；可选：%2</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="402"/>
        <source>--output: &apos;%1&apos; needs the suffix .png, .svg or .pdf</source>
        <translation>--output：“%1”需要后缀 .png、.svg 或 .pdf</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="404"/>
        <source>--db: no store is open</source>
        <translation>--db：没有打开的存储</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="411"/>
        <source>--experiment: no experiment named &apos;%1&apos; in %2</source>
        <translation>--experiment：%2 中没有名为“%1”的实验</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="417"/>
        <source>--trial: give the id of a trial of &apos;%1&apos; with a measured pipeline schedule</source>
        <translation>--trial：请给出“%1”中一个带有实测流水线调度的试验编号</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="421"/>
        <source>--db: %1</source>
        <translation>--db：%1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="436"/>
        <source>--trial: %1</source>
        <translation>--trial：%1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="463"/>
        <source>--output: %1</source>
        <translation>--output：%1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="468"/>
        <source>Export Spec</source>
        <translation>导出规格</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="473"/>
        <location filename="../widgets/main_window.cpp" line="522"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="489"/>
        <source>No best config</source>
        <translation>没有最优配置</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="494"/>
        <source>Best config copied to the clipboard</source>
        <translation>最优配置已复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="498"/>
        <source>Save Best Config</source>
        <translation>保存最优配置</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="503"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="510"/>
        <source>Export Trials</source>
        <translation>导出试验</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="511"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="547"/>
        <source>Asked %1 to stop; its trials end and are queued again</source>
        <translation>已请求 %1 停止；其试验将结束并重新排队</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="549"/>
        <source>Cannot stop</source>
        <translation>无法停止</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="561"/>
        <source>%1 is being run by %2.

Stop it there? Its running trials end and are queued again; resume it here once it has stopped.</source>
        <translation>%1 正由 %2 运行。

在那里停止它吗？其运行中的试验将结束并重新排队；停止后可在此处继续。</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="571"/>
        <source>Cannot resume</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="587"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="605"/>
        <source>%1: %2 - %3 completed, %4 running, %5 queued, %6 pruned, %7 failed</source>
        <translation>%1：%2 - 完成 %3，运行中 %4，排队 %5，剪枝 %6，失败 %7</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="614"/>
        <source>run by %1 (pid %2 on %3)</source>
        <translation>由 %1 运行（%3 上的进程 %2）</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="619"/>
        <source>waiting: %1</source>
        <translation>等待：%1</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="625"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="625"/>
        <source>The new language applies the next time Tunebench starts.</source>
        <translation>新语言将在下次启动 Tunebench 时生效。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ParallelCoordinatesPlot</name>
    <message>
        <location filename="../widgets/plots.cpp" line="1156"/>
        <source>Parallel coordinates</source>
        <translation>平行坐标</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="1401"/>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
</context>
<context>
    <name>tb::widgets::PlotPanel</name>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="40"/>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="41"/>
        <source>Show all data and follow new data again</source>
        <translation>显示全部数据并重新跟随新数据</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="49"/>
        <source>PNG image...</source>
        <translation>PNG 图像...</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="50"/>
        <source>PDF document...</source>
        <translation>PDF 文档...</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="51"/>
        <source>SVG drawing...</source>
        <translation>SVG 矢量图...</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="58"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="59"/>
        <source>Save the plot as an image or a document</source>
        <translation>将图表保存为图像或文档</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="162"/>
        <source>Unknown export format &quot;%1&quot;: use .png, .pdf or .svg.</source>
        <translation>未知的导出格式“%1”：请使用 .png、.pdf 或 .svg。</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="165"/>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="173"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="175"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="177"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../widgets/plot_panel.cpp" line="179"/>
        <location filename="../widgets/plot_panel.cpp" line="186"/>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="43"/>
        <source>trial %1 (#%2)</source>
        <translation>试验 %1（#%2）</translation>
    </message>
    <message>
        <location filename="../widgets/plots.cpp" line="49"/>
        <source>objective</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>tb::widgets::PriorPreview</name>
    <message>
        <location filename="../widgets/prior_preview.cpp" line="101"/>
        <source>No preview until the parameter is valid.</source>
        <translation>参数有效后才能预览。</translation>
    </message>
    <message>
        <location filename="../widgets/prior_preview.cpp" line="114"/>
        <source>Select a parameter to see its prior.</source>
        <translation>选择一个参数以查看其先验分布。</translation>
    </message>
    <message>
        <location filename="../widgets/prior_preview.cpp" line="125"/>
        <source>Prior (log axis)</source>
        <translation>先验分布（对数轴）</translation>
    </message>
    <message>
        <location filename="../widgets/prior_preview.cpp" line="125"/>
        <source>Prior</source>
        <translation>先验分布</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SamplerLogView</name>
    <message>
        <location filename="../widgets/sampler_log_view.cpp" line="70"/>
        <source>This experiment uses built-in algorithms; an external sampler or pruner writes its log here.</source>
        <translation>此实验使用内置算法；外部采样器或剪枝器会在此写入日志。</translation>
    </message>
    <message>
        <location filename="../widgets/sampler_log_view.cpp" line="81"/>
        <source>(nothing yet: the process starts when the first trial is asked for)
</source>
        <translation>（暂无内容：请求第一个试验时该进程才会启动）
</translation>
    </message>
    <message>
        <location filename="../widgets/sampler_log_view.cpp" line="87"/>
        <source>(earlier lines left out)
</source>
        <translation>（已省略较早的行）
</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ScheduleView</name>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="713"/>
        <source>This trial recorded no pipeline spans; run it with tunebench-train.</source>
        <translation>此试验没有记录流水线时间段；请用 tunebench-train 运行它。</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="299"/>
        <source>Naive model parallelism (m = 1)</source>
        <translation>朴素模型并行（m = 1）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="300"/>
        <source>GPipe (fill-drain)</source>
        <translation>GPipe（填充-排空）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="301"/>
        <location filename="../widgets/schedule_view.cpp" line="330"/>
        <source>1F1B</source>
        <translation>1F1B</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="302"/>
        <location filename="../widgets/schedule_view.cpp" line="330"/>
        <source>Interleaved 1F1B</source>
        <translation>交错 1F1B</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="303"/>
        <source>ZB-H1 (zero bubble)</source>
        <translation>ZB-H1（零气泡）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="305"/>
        <source>The schedule generator; an imported CSV shows as &quot;Imported CSV&quot;</source>
        <translation>调度生成器；导入的 CSV 显示为“导入的 CSV”</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="308"/>
        <source>Pipeline devices (ranks), p</source>
        <translation>流水线设备数（rank），p</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="311"/>
        <source>Micro-batches per mini-batch, m</source>
        <translation>每个小批次的微批次数，m</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="314"/>
        <source>Stages per device for interleaved 1F1B, v</source>
        <translation>交错 1F1B 中每个设备的阶段数，v</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="324"/>
        <source>Forward time of one micro-batch on one device (interleaved: split over its v stages)</source>
        <translation>一个微批次在一个设备上的前向时间（交错：分摊到其 v 个阶段）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="325"/>
        <source>Backward time (input gradient when W is split)</source>
        <translation>反向时间（拆分 W 时为输入梯度）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="326"/>
        <source>Weight-gradient time: a separate action for ZB-H1, added to B otherwise</source>
        <translation>权重梯度时间：ZB-H1 中为单独的动作，否则计入 B</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="327"/>
        <source>Added when an action waits for another device</source>
        <translation>动作等待另一设备时增加的时间</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="329"/>
        <source>Naive (m = 1)</source>
        <translation>朴素（m = 1）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="329"/>
        <source>GPipe</source>
        <translation>GPipe</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="331"/>
        <source>ZB-H1</source>
        <translation>ZB-H1</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="338"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="339"/>
        <source>Draw more schedules below this one, on the same time axis</source>
        <translation>在其下方以同一时间轴绘制更多调度</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="344"/>
        <source>Import PyTorch CSV...</source>
        <translation>导入 PyTorch CSV...</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="345"/>
        <source>Export PyTorch CSV...</source>
        <translation>导出 PyTorch CSV...</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="346"/>
        <source>Export Chrome trace...</source>
        <translation>导出 Chrome 跟踪...</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="348"/>
        <source>Schedule file</source>
        <translation>调度文件</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="349"/>
        <source>Exchange schedules with torch.distributed.pipelining and Perfetto</source>
        <translation>与 torch.distributed.pipelining 和 Perfetto 交换调度</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="360"/>
        <source>Schedule:</source>
        <translation>调度：</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="361"/>
        <source>p:</source>
        <translation>p：</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="362"/>
        <source>m:</source>
        <translation>m：</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="363"/>
        <source>v:</source>
        <translation>v：</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="364"/>
        <source>F:</source>
        <translation>F：</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="365"/>
        <source>B:</source>
        <translation>B：</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="366"/>
        <source>W:</source>
        <translation>W：</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="367"/>
        <source>Latency:</source>
        <translation>延迟：</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="498"/>
        <location filename="../widgets/schedule_view.cpp" line="653"/>
        <source>Imported CSV</source>
        <translation>导入的 CSV</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="511"/>
        <location filename="../widgets/schedule_view.cpp" line="644"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="526"/>
        <source>Trial %1, step %2 (%3)</source>
        <translation>试验 %1，第 %2 步（%3）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="532"/>
        <source>The measured order is not a complete schedule, so it is not simulated: %1</source>
        <translation>实测的顺序不是完整的调度，因此不做模拟：%1</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="557"/>
        <source>time (µs from the start of the step)</source>
        <translation>时间（自该步开始的微秒数）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="557"/>
        <source>time (units of the op durations)</source>
        <translation>时间（以操作时长为单位）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="569"/>
        <source>device %1 simulated</source>
        <translation>设备 %1 模拟</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="569"/>
        <source>device %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="570"/>
        <source>peak activations %1</source>
        <translation>峰值激活 %1</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="572"/>
        <source>device %1 measured</source>
        <translation>设备 %1 实测</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="573"/>
        <source>peak memory %1</source>
        <translation>峰值内存 %1</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="592"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: p = %2, m = %3, v = %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：p = %2，m = %3，v = %4</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="594"/>
        <source>, makespan %1, simulated idle share %2</source>
        <translation>，总时长 %1，模拟空闲占比 %2</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="596"/>
        <source>, formula %1</source>
        <translation>，公式 %1</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="598"/>
        <source>, measured idle share %1</source>
        <translation>，实测空闲占比 %1</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="602"/>
        <source>  bubble %1</source>
        <translation>  气泡 %1</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="604"/>
        <source> (formula %1)</source>
        <translation>（公式 %1）</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="606"/>
        <source>, makespan %1</source>
        <translation>，总时长 %1</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="610"/>
        <source>Faded rows: the simulation from the trial&apos;s mean op durations per stage. Outlined: measured boxes more than %1% of the op off the simulation.</source>
        <translation>淡色行：按该试验各阶段平均操作时长的模拟。带边框：与模拟相差超过该操作 %1% 的实测方块。</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="639"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="648"/>
        <source>%1 is not a valid schedule: %2</source>
        <translation>%1 不是有效的调度：%2</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="669"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="677"/>
        <location filename="../widgets/schedule_view.cpp" line="687"/>
        <source>There is no schedule to export.</source>
        <translation>没有可导出的调度。</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="733"/>
        <source>Import PyTorch CSV</source>
        <translation>导入 PyTorch CSV</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="733"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="738"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="744"/>
        <source>Export PyTorch CSV</source>
        <translation>导出 PyTorch CSV</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="744"/>
        <source>Export Chrome trace</source>
        <translation>导出 Chrome 跟踪</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="746"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="746"/>
        <source>Chrome traces (*.json)</source>
        <translation>Chrome 跟踪 (*.json)</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_view.cpp" line="751"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SettingsForm</name>
    <message>
        <location filename="../widgets/settings_form.cpp" line="38"/>
        <source>No settings.</source>
        <translation>无设置项。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_form.cpp" line="118"/>
        <source>%1
Default: %2</source>
        <translation>%1
默认值：%2</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SetupPanel</name>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="114"/>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="118"/>
        <source>Unique within the store.</source>
        <translation>在存储中必须唯一。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="119"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="122"/>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="125"/>
        <source>The metric the trial prints, like loss=0.25.</source>
        <translation>试验输出的指标，例如 loss=0.25。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="126"/>
        <source>Objective &amp;metric</source>
        <translation>目标指标(&amp;M)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="129"/>
        <source>minimize</source>
        <translation>最小化</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="130"/>
        <source>maximize</source>
        <translation>最大化</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="131"/>
        <source>D&amp;irection</source>
        <translation>方向(&amp;I)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="134"/>
        <source>last report</source>
        <translation>最后一次报告</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="135"/>
        <source>best report</source>
        <translation>最佳报告</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="136"/>
        <source>Which of the trial&apos;s reports of the metric is its value.</source>
        <translation>以试验对该指标的哪一次报告作为其取值。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="137"/>
        <source>&amp;Use</source>
        <translation>取值(&amp;U)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="148"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="152"/>
        <source>&amp;Algorithm</source>
        <translation>算法(&amp;A)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="153"/>
        <source>fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="155"/>
        <source>Without a fixed seed one is drawn at the start and stored with the experiment.</source>
        <translation>若不固定种子，将在开始时随机选取并随实验保存。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="160"/>
        <source>&amp;Seed</source>
        <translation>种子(&amp;S)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="163"/>
        <source>&amp;Pruner</source>
        <translation>剪枝器(&amp;P)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="174"/>
        <source>Budget and parallelism</source>
        <translation>预算与并行</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="176"/>
        <location filename="../widgets/setup_panel.cpp" line="183"/>
        <location filename="../widgets/setup_panel.cpp" line="190"/>
        <source>at most</source>
        <translation>最多</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="182"/>
        <source>&amp;Trials</source>
        <translation>试验数(&amp;T)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="188"/>
        <source>One more failure than this ends the experiment as failed.</source>
        <translation>失败次数超过此值时实验以失败结束。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="189"/>
        <source>&amp;Failed trials</source>
        <translation>失败试验(&amp;F)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="197"/>
        <location filename="../widgets/setup_panel.cpp" line="307"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="198"/>
        <source>&amp;Wall time</source>
        <translation>运行时间(&amp;W)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="202"/>
        <source>Trials at &amp;once</source>
        <translation>同时运行的试验(&amp;O)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="214"/>
        <source>Where trials run</source>
        <translation>试验运行位置</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="218"/>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="219"/>
        <source>A Slurm cluster (one job per trial)</source>
        <translation>Slurm 集群（每个试验一个作业）</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="220"/>
        <source>With Slurm, each trial is a batch job; the trials&apos; folders must be on a file system the nodes share.</source>
        <translation>使用 Slurm 时每个试验是一个批处理作业；试验文件夹必须位于各节点共享的文件系统上。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="221"/>
        <source>&amp;Executor</source>
        <translation>执行器(&amp;E)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="224"/>
        <source>the cluster&apos;s default</source>
        <translation>集群默认值</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="225"/>
        <source>&amp;Partition</source>
        <translation>分区(&amp;P)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="228"/>
        <source>your default</source>
        <translation>你的默认值</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="229"/>
        <source>A&amp;ccount</source>
        <translation>账户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="232"/>
        <source>HH:MM:SS (the partition&apos;s default)</source>
        <translation>HH:MM:SS（分区默认值）</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="233"/>
        <source>Time &amp;limit</source>
        <translation>时间限制(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="236"/>
        <source>Further sbatch options, one per entry, such as --qos=low or --mem=16G.</source>
        <translation>其他 sbatch 选项，每项一个，例如 --qos=low 或 --mem=16G。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="237"/>
        <source>sbatch options</source>
        <translation>sbatch 选项</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="256"/>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="259"/>
        <source>&amp;Command</source>
        <translation>命令(&amp;C)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="261"/>
        <source>&amp;Built-in trainer</source>
        <translation>内置训练器(&amp;B)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="278"/>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="291"/>
        <source>the spec file&apos;s folder</source>
        <translation>规格文件所在的文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="293"/>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="296"/>
        <source>&amp;Working directory</source>
        <translation>工作目录(&amp;W)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="299"/>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="300"/>
        <source>after</source>
        <translation>超过</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="308"/>
        <source>&amp;Time-out</source>
        <translation>超时(&amp;T)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="312"/>
        <source>A failed or timed-out trial runs again with the same values, up to this many times.</source>
        <translation>失败或超时的试验会以相同取值重新运行，最多重试这么多次。</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="313"/>
        <source>&amp;Retries</source>
        <translation>重试次数(&amp;R)</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="318"/>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <location filename="../widgets/setup_panel.cpp" line="559"/>
        <source>The spec is valid.</source>
        <translation>规格有效。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SpaceEditor</name>
    <message>
        <location filename="../widgets/space_editor.cpp" line="158"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="158"/>
        <source>Add a parameter</source>
        <translation>添加参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="159"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="159"/>
        <source>Remove the selected parameter</source>
        <translation>删除所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="160"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="160"/>
        <source>Add a copy of the selected parameter</source>
        <translation>添加所选参数的副本</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="161"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="161"/>
        <source>Move the selected parameter up</source>
        <translation>上移所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="162"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="162"/>
        <source>Move the selected parameter down</source>
        <translation>下移所选参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="163"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="164"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="238"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="243"/>
        <source>Letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;; used as ${name} in the trial&apos;s arguments.</source>
        <translation>字母、数字、&apos;_&apos;、&apos;-&apos; 和 &apos;.&apos;；在试验参数中写作 ${name}。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="244"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="248"/>
        <source>float</source>
        <translation>浮点数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="249"/>
        <source>int</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="250"/>
        <source>categorical</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="251"/>
        <source>fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="252"/>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="261"/>
        <source>&amp;Low</source>
        <translation>下限(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="261"/>
        <source>Smallest value (inclusive).</source>
        <translation>最小值（包含）。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="262"/>
        <source>&amp;High</source>
        <translation>上限(&amp;H)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="262"/>
        <source>Largest value (inclusive).</source>
        <translation>最大值（包含）。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="263"/>
        <source>Sample on a &amp;log scale</source>
        <translation>按对数尺度采样(&amp;L)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="266"/>
        <source>&amp;Step</source>
        <translation>步长(&amp;S)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="266"/>
        <source>Quantization; leave empty for none.</source>
        <translation>量化步长；留空表示不量化。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="267"/>
        <source>&amp;Grid values</source>
        <translation>网格取值(&amp;G)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="268"/>
        <source>Comma-separated points for grid search; other samplers sample [low, high].</source>
        <translation>网格搜索使用的逗号分隔取值；其他采样器在 [下限, 上限] 内采样。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="275"/>
        <source>Double-click to edit. Numbers and true/false are typed values; put text that looks like one in quotes, like &quot;1&quot;.</source>
        <translation>双击编辑。数字和 true/false 按类型解析；看起来像数字的文本请加引号，例如 &quot;1&quot;。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="279"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="279"/>
        <source>Add a choice</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="280"/>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="280"/>
        <source>Remove the selected choice</source>
        <translation>删除所选选项</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="286"/>
        <source>&amp;Choices</source>
        <translation>选项(&amp;C)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="288"/>
        <source>&amp;Value</source>
        <translation>值(&amp;V)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="288"/>
        <source>A number, true/false or text.</source>
        <translation>数字、true/false 或文本。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="292"/>
        <source>Active &amp;when</source>
        <translation>生效条件(&amp;W)</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="296"/>
        <source>The parameter is active when its parent takes one of the checked values.</source>
        <translation>当父参数取所勾选的值之一时，此参数生效。</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="297"/>
        <source>takes one of</source>
        <translation>取以下值之一</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="430"/>
        <source>(always)</source>
        <translation>（始终）</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="465"/>
        <source>Change %1 of %2</source>
        <translation>修改 %2 的 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="476"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="486"/>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../widgets/space_editor.cpp" line="599"/>
        <location filename="../widgets/space_editor.cpp" line="615"/>
        <source>condition</source>
        <translation>条件</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SpaceModel</name>
    <message>
        <location filename="../widgets/space_model.cpp" line="142"/>
        <source>Add parameter</source>
        <translation>添加参数</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="158"/>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="168"/>
        <source>Duplicate %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="176"/>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="191"/>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="195"/>
        <source>Rename %1 to %2</source>
        <translation>将 %1 重命名为 %2</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="263"/>
        <source>%1 .. %2</source>
        <translation>%1 .. %2</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="265"/>
        <source>, log</source>
        <translation>，对数</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="267"/>
        <source>, step %1</source>
        <translation>，步长 %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="269"/>
        <source>, grid: %1</source>
        <translation>，网格：%1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="275"/>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="286"/>
        <source>%1 in {%2}</source>
        <translation>%1 属于 {%2}</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="323"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="324"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="325"/>
        <source>Range / choices</source>
        <translation>范围 / 选项</translation>
    </message>
    <message>
        <location filename="../widgets/space_model.cpp" line="326"/>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TimelineView</name>
    <message>
        <location filename="../widgets/timeline_view.cpp" line="289"/>
        <source>utilization (% of the device)</source>
        <translation>利用率（占设备的百分比）</translation>
    </message>
    <message>
        <location filename="../widgets/timeline_view.cpp" line="292"/>
        <source>memory (share of the device&apos;s total)</source>
        <translation>内存（占设备总量的比例）</translation>
    </message>
    <message>
        <location filename="../widgets/timeline_view.cpp" line="302"/>
        <source>No device samples recorded for this experiment yet</source>
        <translation>此实验尚未记录设备采样</translation>
    </message>
    <message>
        <location filename="../widgets/timeline_view.cpp" line="321"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/timeline_view.cpp" line="321"/>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <location filename="../widgets/timeline_view.cpp" line="460"/>
        <location filename="../widgets/timeline_view.cpp" line="461"/>
        <source>?</source>
        <translation>？</translation>
    </message>
    <message>
        <location filename="../widgets/timeline_view.cpp" line="479"/>
        <source>another experiment on %1: &apos;%2&apos; in %3, trial %4</source>
        <translation>%1 上的另一个实验：%3 中的“%2”，试验 %4</translation>
    </message>
    <message>
        <location filename="../widgets/timeline_view.cpp" line="490"/>
        <source>trial %1 (#%2)</source>
        <translation>试验 %1（#%2）</translation>
    </message>
    <message>
        <location filename="../widgets/timeline_view.cpp" line="490"/>
        <source>trial %1</source>
        <translation>试验 %1</translation>
    </message>
    <message>
        <location filename="../widgets/timeline_view.cpp" line="491"/>
        <source>%1 on %2: %3% util, %4 GiB</source>
        <translation>%1 在 %2 上：利用率 %3%，%4 GiB</translation>
    </message>
    <message>
        <location filename="../widgets/timeline_view.cpp" line="493"/>
        <source>%1: %2% util, %3 GiB</source>
        <translation>%1：利用率 %2%，%3 GiB</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrainerForm</name>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="29"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="30"/>
        <source>spirals: generated two-spirals points; text: a byte-level corpus; idx: MNIST-style images; csv: a table whose last column is the class.</source>
        <translation>spirals：生成的双螺旋点；text：字节级语料；idx：MNIST 格式图像；csv：最后一列为类别的表格。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="32"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="33"/>
        <source>gpt needs the text task, cnn the idx task; mlp serves spirals and csv.</source>
        <translation>gpt 需要 text 任务，cnn 需要 idx 任务；mlp 适用于 spirals 和 csv。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="34"/>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="35"/>
        <source>Model size (gpt).</source>
        <translation>模型规模（gpt）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="36"/>
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="36"/>
        <source>text: any file; idx: the images file; csv: numbers.</source>
        <translation>text：任意文件；idx：图像文件；csv：数值表格。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="37"/>
        <source>Pipeline stages</source>
        <translation>流水线阶段数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="37"/>
        <source>Pipeline ranks the model is split over.</source>
        <translation>模型被切分到的流水线阶段数。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="38"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="39"/>
        <source>cpu, cuda or cuda:N, comma separated: one per stage, or one for all.</source>
        <translation>cpu、cuda 或 cuda:N，逗号分隔：每个阶段一个，或全部共用一个。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="40"/>
        <source>Micro-batches</source>
        <translation>微批次数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="40"/>
        <source>Micro-batches per mini-batch.</source>
        <translation>每个小批次切分的微批次数。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="41"/>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="43"/>
        <source>Pipeline schedule: GPipe, 1F1B, interleaved 1F1B or zero-bubble ZB-H1.</source>
        <translation>流水线调度：GPipe、1F1B、交错 1F1B 或零气泡 ZB-H1。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="44"/>
        <source>Virtual stages</source>
        <translation>虚拟阶段数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="44"/>
        <source>Stages per rank (interleaved only).</source>
        <translation>每个设备上的阶段数（仅交错调度）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="45"/>
        <source>Checkpointing</source>
        <translation>激活检查点</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="47"/>
        <source>Activation recomputation: keep only each stage&apos;s input and recompute its forward in backward.</source>
        <translation>激活重计算：只保留每个阶段的输入，在反向传播时重新计算前向。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="48"/>
        <source>Offload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="49"/>
        <source>activations: keep checkpointed stage inputs in CPU memory; l2l: layer-to-layer relay.</source>
        <translation>activations：把检查点的阶段输入放在 CPU 内存；l2l：逐层接力（L2L）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="50"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="51"/>
        <source>bf16 autocast needs CUDA.</source>
        <translation>bf16 自动混合精度需要 CUDA。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="58"/>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="59"/>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="85"/>
        <source>Training length; a step is one optimizer step.</source>
        <translation>训练长度；一步即一次优化器更新。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="86"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="88"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="88"/>
        <source>Mini-batch size, split into the micro-batches.</source>
        <translation>小批次大小，会被切分成微批次。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="90"/>
        <source>model default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="91"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="92"/>
        <source>A number, or a parameter of the space such as ${lr} (type $ to complete).</source>
        <translation>一个数字，或搜索空间中的参数，例如 ${lr}（输入 $ 可自动补全）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="97"/>
        <source>Further tunebench-train arguments (see docs/trainer.md), such as --hidden 128.</source>
        <translation>其他 tunebench-train 参数（见 docs/trainer.md），例如 --hidden 128。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="98"/>
        <source>Other arguments</source>
        <translation>其他参数</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="339"/>
        <source>The gpt model needs the text task.</source>
        <translation>gpt 模型需要 text 任务。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="341"/>
        <source>The text task needs the gpt model.</source>
        <translation>text 任务需要 gpt 模型。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="343"/>
        <source>The cnn model needs the idx task.</source>
        <translation>cnn 模型需要 idx 任务。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="345"/>
        <source>The %1 task needs a data file.</source>
        <translation>%1 任务需要数据文件。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="347"/>
        <source>Offloading activations needs checkpointing (always or except_last).</source>
        <translation>卸载激活需要开启检查点（always 或 except_last）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainer_form.cpp" line="349"/>
        <source>L2L offload relays the layers through one device: use 1 pipeline stage.</source>
        <translation>L2L 卸载让各层轮流经过同一设备：请使用 1 个流水线阶段。</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrialDetail</name>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="37"/>
        <source>Show pipeline schedule</source>
        <translation>显示流水线调度</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="41"/>
        <location filename="../widgets/trial_detail.cpp" line="94"/>
        <source>Select a trial to see its details.</source>
        <translation>选择一个试验以查看详情。</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="42"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="42"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="43"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="43"/>
        <source>Last value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="50"/>
        <source>The trial&apos;s output appears here.</source>
        <translation>试验的输出显示在这里。</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="63"/>
        <source>The output of each worker of the trial (rank 0&apos;s carries the metrics unless trial.metrics_rank says otherwise)</source>
        <translation>试验中每个工作进程的输出（除非 trial.metrics_rank 另有指定，指标来自 0 号进程）</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="81"/>
        <source>Open the trial&apos;s measured pipeline schedule (for trials run by tunebench-train)</source>
        <translation>打开该试验实测的流水线调度（适用于由 tunebench-train 运行的试验）</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="113"/>
        <source>Main output (the metrics rank)</source>
        <translation>主输出（指标进程）</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="115"/>
        <source>Rank %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="143"/>
        <source>&lt;b&gt;Trial %1&lt;/b&gt; (#%2), attempt %3: &lt;span style=&apos;color:%4&apos;&gt;%5&lt;/span&gt;</source>
        <translation>&lt;b&gt;试验 %1&lt;/b&gt;（#%2），第 %3 次尝试：&lt;span style=&apos;color:%4&apos;&gt;%5&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="149"/>
        <source>, %1 = %2</source>
        <translation>，%1 = %2</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="151"/>
        <source>, exit code %1</source>
        <translation>，退出码 %1</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="153"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="157"/>
        <source>Slurm job %1</source>
        <translation>Slurm 作业 %1</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="158"/>
        <source>Slurm job %1 on %2</source>
        <translation>%2 上的 Slurm 作业 %1</translation>
    </message>
    <message>
        <location filename="../widgets/trial_detail.cpp" line="165"/>
        <source>(inactive)</source>
        <translation>（未生效）</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trial_detail.cpp" line="193"/>
        <source>%1 (%n reports)</source>
        <translation>
            <numerusform>%1（%n 次报告）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrialTable</name>
    <message>
        <location filename="../widgets/trial_table.cpp" line="181"/>
        <source>Filter trials (any column)</source>
        <translation>筛选试验（任意列）</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="183"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
</context>
<context>
    <name>tb::widgets::TrialTableModel</name>
    <message>
        <location filename="../widgets/trial_table.cpp" line="51"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="52"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="53"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="54"/>
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="55"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="114"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="131"/>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="132"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="133"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="134"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="135"/>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="136"/>
        <source>Attempt</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../widgets/trial_table.cpp" line="137"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>tb::widgets::files</name>
    <message>
        <location filename="../widgets/file_dialogs.cpp" line="29"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/file_dialogs.cpp" line="62"/>
        <source>%1 is a file of a store this window has open; Tunebench reads and writes it only through SQLite. Choose another file.</source>
        <translation>%1 是本窗口已打开的存储的文件；Tunebench 只通过 SQLite 读写它。请选择其他文件。</translation>
    </message>
    <message>
        <location filename="../widgets/file_dialogs.cpp" line="85"/>
        <source>Tunebench stores (*.db);;All files (*)</source>
        <translation>Tunebench 存储 (*.db);;所有文件 (*)</translation>
    </message>
</context>
</TS>
