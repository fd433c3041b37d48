namespace TwinPlatform.Tools.FeedBench;

/// <summary>One offered rate: the broker's ceiling and the runtime side by side.</summary>
/// <param name="Workload">Payloads and the runtime consuming them.</param>
/// <param name="OfferedSamplesPerSecond">Rate asked of the publisher; 0 = as fast as it goes.</param>
/// <param name="PublishedSamplesPerSecond">Rate the publisher achieved (ceiling phase, runtime phase averaged).</param>
/// <param name="CeilingSamplesPerSecond">Samples per second the fastest do-nothing subscriber received (first to last payload).</param>
/// <param name="RuntimeSamplesPerSecond">Samples per second the runtime applied and acknowledged (first to last delivery).</param>
/// <param name="Ratio">Runtime over ceiling.</param>
/// <param name="LatencyP50Ms">Publish to SignalR receipt, median, ms.</param>
/// <param name="LatencyP99Ms">Publish to SignalR receipt, 99th percentile, ms.</param>
/// <param name="LatencyMaxMs">Publish to SignalR receipt, largest, ms.</param>
/// <param name="StateUpdates">State updates received by the SignalR viewer.</param>
/// <param name="QueueHighWater">Most deliveries waiting in the MQTT source's queue (capacity 64).</param>
/// <param name="UnconsumedSamples">Samples published but not acknowledged by the runtime by the end of the phase (a backlog left in the broker when the runtime was stopped after its drain time; never dropped by the runtime).</param>
/// <param name="DroppedStateUpdates">State updates the hub publisher dropped (viewer behind).</param>
/// <param name="LoadAverage">1-minute load average at the end of the row.</param>
/// <param name="Pairs">Pairs of phases (ceiling, runtime) measured for the row; the row shows the pair with the median ratio.</param>
/// <param name="RatioMin">Smallest ratio over the pairs.</param>
/// <param name="RatioMax">Largest ratio over the pairs.</param>
/// <param name="CeilingClients">Each do-nothing subscriber's rate in the row's pair.</param>
/// <param name="CeilingCpu">CPU time per payload in the fastest ceiling phase of the row's pair: the tool's process and the broker.</param>
/// <param name="RuntimeCpu">CPU time per payload in the runtime phase of the row's pair: the tool's process and the broker.</param>
internal sealed record FeedBenchRow(
    string Workload,
    double OfferedSamplesPerSecond,
    double PublishedSamplesPerSecond,
    double CeilingSamplesPerSecond,
    double RuntimeSamplesPerSecond,
    double Ratio,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double LatencyMaxMs,
    long StateUpdates,
    long QueueHighWater,
    long UnconsumedSamples,
    long DroppedStateUpdates,
    double LoadAverage,
    int Pairs = 1,
    double RatioMin = double.NaN,
    double RatioMax = double.NaN,
    string CeilingClients = "",
    PhaseCpu? CeilingCpu = null,
    PhaseCpu? RuntimeCpu = null);
