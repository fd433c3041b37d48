namespace TwinPlatform.Core.Scenes;

/// <summary>How composition amounts are expressed.</summary>
public enum CompositionBasis
{
    /// <summary>Mass fraction (wt%).</summary>
    Mass,

    /// <summary>Atom (mole) fraction (at%).</summary>
    Atom,
}
