namespace TwinPlatform.Simulation.Solving;

/// <summary>Forwards progress lines with a prefix ("step 2: ").</summary>
internal sealed class PrefixedProgress(string prefix, IProgress<string> inner) : IProgress<string>
{
    public void Report(string value) => inner.Report(prefix + value);
}
