using TwinPlatform.Core.Graph;
using TwinPlatform.Core.Units;
using TwinPlatform.Materials;
using TwinPlatform.Twins.Runtime;
using TwinPlatform.Twins.Systems;

namespace TwinPlatform.Twins.Validation;

/// <summary>
/// Gathers the validation comparisons of a run at each level of the chain:
/// material (predicted properties against laboratory tests, handbook modulus against the modulus
/// calibrated in service), component (predicted against gauge strain at each load hold) and system
/// (predicted against measured system outputs at each hold).
/// </summary>
public static class SceneValidation
{
    /// <summary>Evaluates every level after a run.</summary>
    public static ChainVerdict Evaluate(PreparedScene prepared, SceneRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(runtime);
        var k = prepared.Scene.Twin.CoverageFactor;
        var material = new List<ValidationResult>();
        foreach (var (id, state) in prepared.Materials)
        {
            foreach (var lab in state.Definition.Lab)
            {
                if (!state.Properties.TryGetValue(lab.Property, out var predicted))
                {
                    continue;
                }

                var unit = DisplayUnit(lab.Value.Dimension);
                material.Add(new ValidationResult(
                    TwinLevel.Material, id, lab.Property, unit.Symbol,
                    unit.FromSI(predicted.Value.Mean), unit.FromSI(lab.Value.ValueSI),
                    0, predicted.Value.StandardDeviation / unit.Scale, lab.StandardUncertaintySI / unit.Scale, k,
                    $"predicted by {predicted.Provenance.Source}{(predicted.InApplicabilityDomain ? string.Empty : " (outside its applicability domain)")}; measured: {lab.Provenance.Source}"));
            }
        }

        var component = new List<ValidationResult>();
        foreach (var (id, twin) in runtime.Components)
        {
            if (twin.Calibration is { Observations: > 0 } calibration)
            {
                // The modulus the material layer gave against the one the component's gauges imply.
                var handbook = twin.Material.Require(MaterialPropertyNames.YoungsModulus);
                var inService = calibration.Modulus();
                material.Add(new ValidationResult(
                    TwinLevel.Material, twin.Material.Definition.Id, "youngs_modulus", "GPa",
                    handbook.Value.Mean / 1e9, inService.Mean / 1e9, 0, handbook.Value.StandardDeviation / 1e9, inService.StandardDeviation / 1e9, k,
                    $"{handbook.Provenance.Source} against the modulus calibrated in service on {id}"));
            }

            foreach (var gauge in twin.Gauges)
            {
                component.AddRange(twin.Validate(gauge.Id, k));
            }
        }

        var system = new List<ValidationResult>();
        foreach (var (_, twin) in runtime.Systems)
        {
            foreach (var sensorId in twin.OutputSensors)
            {
                var sensor = runtime.Graph.FindSensor(sensorId)!;
                system.AddRange(twin.Validate(sensorId, k, sensor.Unit.Scale, sensor.Unit.Symbol, SystemNumericalUncertainty(twin.Model, runtime)));
            }
        }

        return new ChainVerdict(
            [new LevelVerdict(TwinLevel.Material, material), new LevelVerdict(TwinLevel.Component, component), new LevelVerdict(TwinLevel.System, system)], k);
    }

    private static Unit DisplayUnit(Dimension dimension) =>
        dimension == Dimension.Pressure ? Unit.Parse("MPa") : new Unit("SI", dimension, 1.0);

    private static double SystemNumericalUncertainty(ISystemModel model, SceneRuntime runtime)
    {
        // Only the supports' compliance comes from finite elements; the beam part is closed-form.
        // Its relative numerical uncertainty is weighted by the settlement's share of the midspan
        // deflection for a load at midspan.
        if (model is not SimplySupportedBeam beam)
        {
            return 0;
        }

        double settlement = 0;
        double relative = 0;
        foreach (var load in beam.ComponentLoadsFor(1.0, beam.SpanM / 2))
        {
            var twin = runtime.Components[load.ComponentId];
            var (c, _) = twin.Compliance(load.LoadCase, beam.SupportPoint(load.ComponentId));
            var rel = twin.Rom.DisplacementRelativeNumericalUncertainty(load.LoadCase, beam.SupportPoint(load.ComponentId), twin.LoadDirection(load.LoadCase));
            settlement += c * load.ForceN / 2;
            relative = Math.Max(relative, rel);
        }

        var total = beam.BeamDeflection(beam.SpanM / 2, 1.0, beam.SpanM / 2) + settlement;
        return relative * settlement / total;
    }
}
