namespace TwinPlatform.Storage.Records;

/// <summary>How the amounts of a record's composition are expressed.</summary>
public enum CompositionBasisKind
{
    /// <summary>Mass fractions (wt% on import).</summary>
    Mass,

    /// <summary>Atom (mole) fractions (at% on import).</summary>
    Atom,

    /// <summary>Volume fractions (vol% on import).</summary>
    Volume,
}
