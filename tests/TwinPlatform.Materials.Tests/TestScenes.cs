using TwinPlatform.Core.Scenes;
using TwinPlatform.Testing;

namespace TwinPlatform.Materials.Tests;

/// <summary>Scene texts for the materials tests: the bracket scene's steel, with variations.</summary>
internal static class TestScenes
{
    /// <summary>The bracket scene's steel (SCM440-class heat of the NIMS data), as the lead's scene defines it.</summary>
    public const string BracketSteel = """
        schema: twinplatform.scene
        version: 1
        name: materials-test
        materials:
          - id: steel
            name: Quenched and tempered Cr-Mo steel (SCM440 class)
            class: low-alloy steel
            composition: {basis: mass, unit: wt%, balance: Fe, C: 0.41, Si: 0.24, Mn: 0.77, P: 0.014, S: 0.015, Ni: 0.04, Cr: 1.06, Cu: 0.05, Mo: 0.20}
            process:
              - {step: normalizing, temperature: 870 degC}
              - {step: quenching, temperature: 855 degC, medium: oil}
              - {step: tempering, temperature: 600 degC}
              - {step: hot-working, reduction_ratio: 530}
            attributes: {inclusions_dA: 0.03 %, inclusions_dB: 0 %, inclusions_dC: 0 %}
            properties:
              model: ../../models/nims-steel
              elastic: low-alloy-steel-qt
        """;

    /// <summary>The folder the bracket scene lives in, so that <c>../../models/nims-steel</c> resolves to the committed model.</summary>
    public static string BracketDirectory => RepoPaths.InRepo("scenes", "bracket");

    /// <summary>The committed model folder.</summary>
    public static string ModelFolder => RepoPaths.InRepo("models", "nims-steel");

    /// <summary>Parses a scene text (optionally edited) and returns its only material.</summary>
    public static MaterialDefinition Material(string text = BracketSteel) =>
        SceneLoader.Parse(text, "scene.yaml", BracketDirectory).Materials[0];

    /// <summary>The bracket steel with one text replaced (fails if the text is absent, so edits cannot silently miss).</summary>
    public static string Edit(string oldText, string newText)
    {
        Assert.Contains(oldText, BracketSteel, StringComparison.Ordinal);
        return BracketSteel.Replace(oldText, newText, StringComparison.Ordinal);
    }
}
