namespace TwinPlatform.Materials.Prediction;

/// <summary>Which rows cross-validation keeps together (on the same side of every split).</summary>
public enum RecordGrouping
{
    /// <summary>Every row alone: plain shuffled k-fold (Matbench's protocol).</summary>
    Row,

    /// <summary>Rows with the same composition: a new alloy is always unseen (other tempers or test temperatures of it are held out with it).</summary>
    Composition,

    /// <summary>Rows of the same material: composition, process and attributes (several tests on one material).</summary>
    Material,
}
