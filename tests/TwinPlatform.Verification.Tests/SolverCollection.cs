namespace TwinPlatform.Verification.Tests;

/// <summary>Tests that run full solves share one collection so they do not compete for the two cores.</summary>
[CollectionDefinition(Name)]
public sealed class SolverCollection
{
    public const string Name = "solvers";
}
