using TwinPlatform.Core.Scenes;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Twins.Systems;

/// <summary>
/// A beam simply supported on two components (for example a runway beam on two wall brackets)
/// carrying a moving point load (a trolley): statics gives each support's reaction, and
/// Euler-Bernoulli beam theory plus the supports' compliance gives the midspan deflection.
/// </summary>
/// <remarks>
/// Inputs: <c>payload</c> (force, N, downward positive) and <c>position</c> (m from support 0).
/// Reactions: R0 = P (L - a) / L, R1 = P a / L.
/// Deflection at x of a simply supported beam under P at a, with b = L - a, for x &lt;= a:
/// P b x (L^2 - b^2 - x^2) / (6 L E I) (Roark's Formulas for Stress and Strain, 8th ed., table 8.1 case 1e),
/// mirrored for x &gt; a; the supports settle by c_i R_i and move the midspan by their mean.
/// </remarks>
public sealed class SimplySupportedBeam : ISystemModel
{
    /// <summary>The kind name used in scene files.</summary>
    public const string Kind = "simply-supported-beam";

    private readonly Support[] _supports;
    private readonly ComponentLoad[] _loads;
    private readonly double _spanM;
    private readonly double _flexuralRigidity;
    private readonly double _flexuralRigidityRelStd;
    private double _payloadN = double.NaN;
    private double _payloadStdN;
    private double _positionM = double.NaN;
    private double _positionStdM;

    /// <summary>Reads the kind-specific settings; errors name the scene file, line and field.</summary>
    public SimplySupportedBeam(SystemDefinition definition)
    {
        Definition = definition;
        var m = definition.Settings.Only("id", "name", "kind", "components", "span", "supports", "beam");
        var spanField = m.Required("span");
        _spanM = spanField.AsSI(Dimension.Length);
        if (_spanM <= 0)
        {
            throw spanField.Error("the span must be positive");
        }

        var beam = m.Required("beam").AsMapping().Only("section", "youngs_modulus", "youngs_modulus_std", "second_moment", "source");
        var e = beam.Required("youngs_modulus").AsSI(Dimension.Pressure);
        var eStd = beam.Required("youngs_modulus_std").AsSI(Dimension.Pressure);
        var i = beam.Required("second_moment").AsSI(Dimension.SecondMomentOfArea);
        if (e <= 0 || i <= 0)
        {
            throw beam.Self.Error("the beam's modulus and second moment must be positive");
        }

        _flexuralRigidity = e * i;
        _flexuralRigidityRelStd = eStd / e;
        BeamSource = beam.OptionalString("source") ?? string.Empty;
        BeamSection = beam.OptionalString("section") ?? string.Empty;

        var supports = m.Required("supports").AsList();
        if (supports.Count != 2)
        {
            throw m.Required("supports").Error($"a simply supported beam has two supports, found {supports.Count}");
        }

        _supports = new Support[2];
        for (var k = 0; k < 2; k++)
        {
            var s = supports[k].AsMapping().Only("component", "at", "load_case", "point");
            var component = s.Required("component");
            if (!definition.ComponentIds.Contains(component.AsString()))
            {
                throw component.Error($"'{component.AsString()}' is not one of this system's components ({string.Join(", ", definition.ComponentIds)})");
            }

            var at = s.Required("at");
            var x = at.AsSI(Dimension.Length);
            if (Math.Abs(x - (k == 0 ? 0 : _spanM)) > 1e-9)
            {
                throw at.Error(k == 0 ? "the first support sits at 0 m" : $"the second support sits at the span, {_spanM} m");
            }

            _supports[k] = new Support(component.AsString(), s.String("load_case"), s.String("point"));
        }

        _loads = new ComponentLoad[2];
    }

    /// <inheritdoc/>
    public SystemDefinition Definition { get; }

    /// <summary>The beam's section designation, as given.</summary>
    public string BeamSection { get; }

    /// <summary>Where the beam's properties come from.</summary>
    public string BeamSource { get; }

    /// <summary>Span, m.</summary>
    public double SpanM => _spanM;

    /// <inheritdoc/>
    public IReadOnlyList<string> InputChannels { get; } = ["payload", "position"];

    /// <inheritdoc/>
    public IReadOnlyList<string> OutputChannels { get; } = ["midspan_deflection"];

    /// <inheritdoc/>
    public bool HasInputs => !double.IsNaN(_payloadN) && !double.IsNaN(_positionM);

    /// <summary>The current payload, N.</summary>
    public double PayloadN => _payloadN;

    /// <summary>The current trolley position, m.</summary>
    public double PositionM => _positionM;

    /// <inheritdoc/>
    public void SetInput(string channel, double valueSI, double stdSI)
    {
        switch (channel)
        {
            case "payload":
                _payloadN = valueSI;
                _payloadStdN = stdSI;
                break;
            case "position":
                _positionM = Math.Clamp(valueSI, 0, _spanM);
                _positionStdM = stdSI;
                break;
            default:
                throw new ArgumentException($"'{channel}' is not an input of a {Kind}", nameof(channel));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ComponentLoad> ComponentLoads()
    {
        var (r0, r1) = Reactions(_payloadN, _positionM);

        // First-order propagation of the payload and position uncertainties into each reaction.
        var l = _spanM;
        var s0 = Math.Sqrt(Sq((l - _positionM) / l * _payloadStdN) + Sq(_payloadN / l * _positionStdM));
        var s1 = Math.Sqrt(Sq(_positionM / l * _payloadStdN) + Sq(_payloadN / l * _positionStdM));
        _loads[0] = new ComponentLoad(_supports[0].Component, _supports[0].LoadCase, r0, s0);
        _loads[1] = new ComponentLoad(_supports[1].Component, _supports[1].LoadCase, r1, s1);
        return _loads;
    }

    /// <inheritdoc/>
    public SystemPrediction Predict(string channel, IComponentCompliance compliance)
    {
        if (channel != "midspan_deflection")
        {
            throw new ArgumentException($"a {Kind} predicts midspan_deflection, not '{channel}'", nameof(channel));
        }

        var (r0, r1) = Reactions(_payloadN, _positionM);
        var beam = BeamDeflection(_spanM / 2, _payloadN, _positionM);
        var (c0, c0Rel) = compliance.Compliance(_supports[0].Component, _supports[0].LoadCase, _supports[0].Point);
        var (c1, c1Rel) = compliance.Compliance(_supports[1].Component, _supports[1].LoadCase, _supports[1].Point);
        var settlement0 = c0 * r0 / 2;
        var settlement1 = c1 * r1 / 2;
        var value = beam + settlement0 + settlement1;

        // Inputs: EI (beam), the brackets' moduli, the payload (value is linear in P), the position.
        var dDeflectionDa = (BeamDeflection(_spanM / 2, _payloadN, _positionM + 1e-4) - BeamDeflection(_spanM / 2, _payloadN, _positionM - 1e-4)) / 2e-4;
        var std = Math.Sqrt(
            Sq(beam * _flexuralRigidityRelStd) +
            Sq(settlement0 * c0Rel) + Sq(settlement1 * c1Rel) +
            Sq(value / _payloadN * _payloadStdN) +
            Sq(dDeflectionDa * _positionStdM));
        return new SystemPrediction(value, double.IsFinite(std) ? std : 0);
    }

    /// <summary>The loads on the supports for a payload at a position, without uncertainty.</summary>
    public IReadOnlyList<ComponentLoad> ComponentLoadsFor(double payloadN, double positionM)
    {
        var (r0, r1) = Reactions(payloadN, positionM);
        return [new ComponentLoad(_supports[0].Component, _supports[0].LoadCase, r0, 0), new ComponentLoad(_supports[1].Component, _supports[1].LoadCase, r1, 0)];
    }

    /// <summary>The component point a support's compliance is taken at.</summary>
    public string SupportPoint(string componentId)
    {
        foreach (var s in _supports)
        {
            if (s.Component == componentId)
            {
                return s.Point;
            }
        }

        throw new KeyNotFoundException($"'{componentId}' is not a support of system '{Definition.Id}'");
    }

    /// <summary>Support reactions for a load P at a.</summary>
    public (double R0, double R1) Reactions(double payloadN, double positionM) =>
        (payloadN * (_spanM - positionM) / _spanM, payloadN * positionM / _spanM);

    /// <summary>Deflection of the beam alone (rigid supports) at x under P at a, m, downward positive.</summary>
    public double BeamDeflection(double xM, double payloadN, double positionM)
    {
        var l = _spanM;
        var a = Math.Clamp(positionM, 0, l);
        var x = xM;
        if (x > a)
        {
            // Mirror: measure both from the other support.
            x = l - x;
            a = l - a;
        }

        var b = l - a;
        return payloadN * b * x * ((l * l) - (b * b) - (x * x)) / (6 * l * _flexuralRigidity);
    }

    private static double Sq(double x) => x * x;

    private readonly record struct Support(string Component, string LoadCase, string Point);
}
