using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>Natural frequencies and mode shapes from <see cref="FrequencyModel.Solve"/>.</summary>
public sealed class FrequencyResults
{
    internal FrequencyResults(Mesh mesh, IReadOnlyList<VibrationMode> modes, double totalMassKg, int rigidBodyModeCount, FrequencyStatistics statistics)
    {
        Mesh = mesh;
        Modes = modes;
        TotalMassKg = totalMassKg;
        RigidBodyModeCount = rigidBodyModeCount;
        Statistics = statistics;
    }

    /// <summary>The mesh the shapes live on.</summary>
    public Mesh Mesh { get; }

    /// <summary>Modes in ascending frequency; rigid-body modes (model without supports) first.</summary>
    public IReadOnlyList<VibrationMode> Modes { get; }

    /// <summary>Total mass of the model, sum of rho V over the elements, kg.</summary>
    public double TotalMassKg { get; }

    /// <summary>Number of rigid-body (about 0 Hz) modes among <see cref="Modes"/>: 6 for a model without supports, else 0.</summary>
    public int RigidBodyModeCount { get; }

    /// <summary>Sizes and times.</summary>
    public FrequencyStatistics Statistics { get; }

    /// <summary>Frequencies of <see cref="Modes"/>, Hz.</summary>
    public double[] FrequenciesHz()
    {
        var f = new double[Modes.Count];
        for (var i = 0; i < f.Length; i++)
        {
            f[i] = Modes[i].FrequencyHz;
        }

        return f;
    }
}
