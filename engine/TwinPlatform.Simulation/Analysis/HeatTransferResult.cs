using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Meshing;
using TwinPlatform.Simulation.Results;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>Steady temperatures and heat fluxes from <see cref="HeatTransferModel.Solve"/>.</summary>
public sealed class HeatTransferResult
{
    private readonly HeatTransferModel _model;

    internal HeatTransferResult(HeatTransferModel model, double[] temperatures, double[] heatFlows, HeatFluxField fluxes, int iterations, double relativeResidual, TimeSpan solveTime)
    {
        _model = model;
        Temperatures = temperatures;
        HeatFlows = heatFlows;
        Fluxes = fluxes;
        Iterations = iterations;
        RelativeResidual = relativeResidual;
        SolveTime = solveTime;
    }

    /// <summary>The mesh the fields live on.</summary>
    public Mesh Mesh => _model.Mesh;

    /// <summary>Nodal temperatures, K (0 at nodes no element uses).</summary>
    public double[] Temperatures { get; }

    /// <summary>
    /// Heat flow into the body that holds each fixed temperature (K T - q, the CalculiX RFL), W per node; zero at
    /// nodes whose temperature is free.
    /// </summary>
    public double[] HeatFlows { get; }

    /// <summary>Heat flux at the integration points and the nodes.</summary>
    public HeatFluxField Fluxes { get; }

    /// <summary>Conjugate-gradient iterations.</summary>
    public int Iterations { get; }

    /// <summary>Final relative residual.</summary>
    public double RelativeResidual { get; }

    /// <summary>Time of the linear solve.</summary>
    public TimeSpan SolveTime { get; }

    /// <summary>Sum of <see cref="HeatFlows"/> over the nodes of set <paramref name="setName"/>, W.</summary>
    public double HeatFlow(string setName)
    {
        var sum = 0.0;
        foreach (var n in Mesh.NodesOf(setName))
        {
            sum += HeatFlows[n];
        }

        return sum;
    }

    /// <summary>Temperature at <paramref name="point"/> (metres) from the containing element's shape functions, K.</summary>
    /// <exception cref="PointOutsideMeshException">The point is outside the mesh.</exception>
    public double TemperatureAt(Vector3d point) => _model.InterpolateAt(Temperatures, point);
}
