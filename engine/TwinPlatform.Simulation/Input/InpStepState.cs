using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Input;

/// <summary>A step while its cards are read: the conditions it inherited plus those it sets, with CalculiX merging rules.</summary>
internal sealed class InpStepState
{
    private readonly HashSet<NodeDof> _forcesSetHere = [];
    private readonly HashSet<DeckFace> _pressuresSetHere = [];
    private readonly HashSet<int> _gravitySetHere = [];
    private readonly HashSet<DeckFace> _fluxesSetHere = [];
    private readonly HashSet<string> _outputKindsSetHere = [];

    public InpStepState(InpCard card, int number, InpStepState? previous, Dictionary<NodeDof, double> modelBoundaries)
    {
        Card = card;
        Number = number;
        Boundaries = new(previous?.Boundaries ?? modelBoundaries);
        NodalForces = new(previous?.NodalForces ?? []);
        Pressures = new(previous?.Pressures ?? []);
        Gravity = new(previous?.Gravity ?? []);
        Centrifugal = new(previous?.Centrifugal ?? []);
        Temperatures = new(previous?.Temperatures ?? []);
        Fluxes = new(previous?.Fluxes ?? []);
        Films = new(previous?.Films ?? []);
        Output = previous?.Output ?? new DeckOutputRequests();
    }

    public InpCard Card { get; }

    public int Number { get; }

    public DeckStepKind? Kind { get; set; }

    public InpCard? ProcedureCard { get; set; }

    public int ModeCount { get; set; }

    public Dictionary<NodeDof, double> Boundaries { get; }

    public Dictionary<NodeDof, double> NodalForces { get; }

    public Dictionary<DeckFace, double> Pressures { get; }

    public Dictionary<int, Vector3d> Gravity { get; }

    public Dictionary<int, DeckCentrifugal> Centrifugal { get; }

    public Dictionary<int, double> Temperatures { get; }

    public Dictionary<DeckFace, double> Fluxes { get; }

    public Dictionary<DeckFace, DeckFilm> Films { get; }

    public DeckOutputRequests Output { get; set; }

    /// <summary>Adds within the step, replaces a value inherited from an earlier step.</summary>
    public void AddForce(NodeDof key, double value) => Accumulate(NodalForces, _forcesSetHere, key, value);

    public void AddPressure(DeckFace key, double value) => Accumulate(Pressures, _pressuresSetHere, key, value);

    public void AddFlux(DeckFace key, double value) => Accumulate(Fluxes, _fluxesSetHere, key, value);

    public void AddGravity(int element, Vector3d value) =>
        Gravity[element] = _gravitySetHere.Add(element) ? value : Gravity[element] + value;

    /// <summary>True the first time an output card of <paramref name="kind"/> appears in this step (it then replaces the inherited request).</summary>
    public bool FirstOutputOfKind(string kind) => _outputKindsSetHere.Add(kind);

    public DeckStep Freeze() => new(Number, Kind!.Value, Card.Location)
    {
        ModeCount = ModeCount,
        Boundaries = new Dictionary<NodeDof, double>(Boundaries),
        NodalForces = new Dictionary<NodeDof, double>(NodalForces),
        Pressures = new Dictionary<DeckFace, double>(Pressures),
        Gravity = new Dictionary<int, Vector3d>(Gravity),
        Centrifugal = new Dictionary<int, DeckCentrifugal>(Centrifugal),
        Temperatures = new Dictionary<int, double>(Temperatures),
        SurfaceFluxes = new Dictionary<DeckFace, double>(Fluxes),
        Films = new Dictionary<DeckFace, DeckFilm>(Films),
        Output = Output,
    };

    private static void Accumulate<TKey>(Dictionary<TKey, double> values, HashSet<TKey> setHere, TKey key, double value)
        where TKey : notnull
    {
        if (setHere.Add(key))
        {
            values[key] = value;
        }
        else
        {
            values[key] += value;
        }
    }
}
