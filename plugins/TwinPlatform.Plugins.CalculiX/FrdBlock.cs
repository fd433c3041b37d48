namespace TwinPlatform.Plugins.CalculiX;

/// <summary>One nodal result block of a .frd file (DISP, STRESS, FORC, NDTEMP, FLUX, RFL, ...).</summary>
public sealed record FrdBlock
{
    /// <summary>Block name as written (DISP, STRESS, FORC, NDTEMP, FLUX, RFL, ERROR, ...).</summary>
    public required string Name { get; init; }

    /// <summary>1-based deck step (third number of the preceding <c>1PSTEP</c> line).</summary>
    public required int Step { get; init; }

    /// <summary>Mode number from the preceding <c>1PMODE</c> line for frequency steps, else 0.</summary>
    public required int Mode { get; init; }

    /// <summary>The value of the <c>100CL</c> header: step time, or the frequency in cycles/time for a modal block.</summary>
    public required double Value { get; init; }

    /// <summary>Analysis type of the <c>100CL</c> header (0 static or steady state, 2 frequency, ...).</summary>
    public required int AnalysisType { get; init; }

    /// <summary>Names of the components present in the data (computed ones such as ALL are dropped).</summary>
    public required IReadOnlyList<string> Components { get; init; }

    /// <summary>Node numbers of the data lines.</summary>
    public required int[] NodeIds { get; init; }

    /// <summary>Values, <see cref="Components"/>.Count per node, parallel to <see cref="NodeIds"/>.</summary>
    public required double[] Values { get; init; }
}
