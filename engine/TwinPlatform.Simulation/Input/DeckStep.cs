using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Input;

/// <summary>
/// One <c>*STEP</c> with every condition in force during it: the boundary conditions and loads it inherits
/// from earlier steps (CalculiX <c>OP=MOD</c> semantics) merged with its own. All targets are resolved to
/// deck node and element numbers.
/// </summary>
/// <remarks>
/// Merging follows CalculiX 2.20 (checked against ccx): within a step, repeated <c>*CLOAD</c>, <c>*DLOAD</c>
/// and <c>*DFLUX</c> entries on the same target add up; a step that loads a target an earlier step loaded
/// replaces that value; <c>OP=NEW</c> drops everything inherited of that kind. Boundary values, temperatures
/// and films take the last value given.
/// </remarks>
public sealed class DeckStep
{
    internal DeckStep(int number, DeckStepKind kind, DeckLocation location)
    {
        Number = number;
        Kind = kind;
        Location = location;
    }

    /// <summary>1-based step number in deck order.</summary>
    public int Number { get; }

    /// <summary>Procedure.</summary>
    public DeckStepKind Kind { get; }

    /// <summary>The <c>*STEP</c> line.</summary>
    public DeckLocation Location { get; }

    /// <summary>Eigenmodes asked for by <c>*FREQUENCY</c> (0 for other steps).</summary>
    public int ModeCount { get; internal set; }

    /// <summary>Prescribed values (zero for a fixed dof): dofs 1-3 displacement, 11 temperature.</summary>
    public IReadOnlyDictionary<NodeDof, double> Boundaries { get; internal set; } = new Dictionary<NodeDof, double>();

    /// <summary>Concentrated forces (<c>*CLOAD</c>), dofs 1-3.</summary>
    public IReadOnlyDictionary<NodeDof, double> NodalForces { get; internal set; } = new Dictionary<NodeDof, double>();

    /// <summary>Face pressures (<c>*DLOAD Pn</c>): positive pushes into the element (against the outward normal).</summary>
    public IReadOnlyDictionary<DeckFace, double> Pressures { get; internal set; } = new Dictionary<DeckFace, double>();

    /// <summary>Gravity acceleration vector per element (<c>*DLOAD GRAV</c>, magnitude times direction).</summary>
    public IReadOnlyDictionary<int, Vector3d> Gravity { get; internal set; } = new Dictionary<int, Vector3d>();

    /// <summary>Centrifugal load per element (<c>*DLOAD CENTRIF</c>).</summary>
    public IReadOnlyDictionary<int, DeckCentrifugal> Centrifugal { get; internal set; } = new Dictionary<int, DeckCentrifugal>();

    /// <summary>Nodal temperatures of a static step (<c>*TEMPERATURE</c>); nodes not listed stay at their initial temperature.</summary>
    public IReadOnlyDictionary<int, double> Temperatures { get; internal set; } = new Dictionary<int, double>();

    /// <summary>Heat flux into the body through faces (<c>*DFLUX Sn</c>).</summary>
    public IReadOnlyDictionary<DeckFace, double> SurfaceFluxes { get; internal set; } = new Dictionary<DeckFace, double>();

    /// <summary>Film conditions on faces (<c>*FILM Fn</c>).</summary>
    public IReadOnlyDictionary<DeckFace, DeckFilm> Films { get; internal set; } = new Dictionary<DeckFace, DeckFilm>();

    /// <summary>Output selection.</summary>
    public DeckOutputRequests Output { get; internal set; } = new();
}
