namespace TwinPlatform.Core.Graph;

/// <summary>The three levels of the chain a twin can stand at.</summary>
public enum TwinLevel
{
    /// <summary>A material: composition and process to properties.</summary>
    Material,

    /// <summary>A part: geometry, loads and material to fields.</summary>
    Component,

    /// <summary>An assembly of parts with its load paths.</summary>
    System,
}
