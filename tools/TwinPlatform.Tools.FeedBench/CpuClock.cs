using System.Diagnostics;
using System.Globalization;

namespace TwinPlatform.Tools.FeedBench;

/// <summary>CPU time per payload in one phase, user and system together, and this process's allocations per payload.</summary>
/// <param name="ToolMicroseconds">This process: the publisher, the subscriber or runtime, the hub and the viewer.</param>
/// <param name="BrokerMicroseconds">The mosquitto process.</param>
/// <param name="ToolBytes">Bytes this process allocated on the managed heap (all threads, the publisher's included).</param>
internal sealed record PhaseCpu(double ToolMicroseconds, double BrokerMicroseconds, double ToolBytes)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ToolMicroseconds:F1} + {BrokerMicroseconds:F1} ({ToolBytes:F0} B)");
}

/// <summary>
/// The CPU time this process and the broker spend over a phase. On a machine whose cores the phase keeps
/// busy, the rate follows from the CPU time each payload costs, and that cost moves much less from run to run
/// than the rate does, so it shows where a runtime spends more than a do-nothing subscriber.
/// </summary>
internal sealed class CpuClock
{
    private readonly int _brokerPid;
    private readonly TimeSpan _tool;
    private readonly TimeSpan _broker;
    private readonly long _allocated;

    private CpuClock(int brokerPid)
    {
        _brokerPid = brokerPid;
        _tool = Process.GetCurrentProcess().TotalProcessorTime;
        _broker = BrokerTime(brokerPid);
        _allocated = GC.GetTotalAllocatedBytes(precise: false);
    }

    public static CpuClock Start(int brokerPid) => new(brokerPid);

    /// <summary>CPU time since the start, per payload.</summary>
    public PhaseCpu PerPayload(long payloads)
    {
        var n = Math.Max(1, payloads);
        var tool = Process.GetCurrentProcess().TotalProcessorTime - _tool;
        var broker = BrokerTime(_brokerPid) - _broker;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - _allocated;
        return new PhaseCpu(tool.TotalMicroseconds / n, broker.TotalMicroseconds / n, (double)allocated / n);
    }

    private static TimeSpan BrokerTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            // The broker has gone: nothing to count.
            return TimeSpan.Zero;
        }
    }
}
