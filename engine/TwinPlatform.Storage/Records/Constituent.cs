namespace TwinPlatform.Storage.Records;

/// <summary>One constituent of a composition and its amount as a fraction (0..1) on the composition's basis.</summary>
/// <param name="Name">Element symbol (<c>Fe</c>) or a compound/phase name.</param>
/// <param name="Fraction">Amount as a pure fraction in 0..1 (wt% and at% are divided by 100 on import).</param>
public readonly record struct Constituent(string Name, double Fraction);
