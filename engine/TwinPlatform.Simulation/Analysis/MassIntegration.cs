namespace TwinPlatform.Simulation.Analysis;

/// <summary>How the built-in solver integrates element mass matrices.</summary>
public enum MassIntegration
{
    /// <summary>
    /// The consistent mass rho ∫ N_a N_b dV integrated exactly on undistorted elements (C3D4 4 points, C3D10 36,
    /// C3D8 2x2x2, C3D20 and C3D20R 3x3x3, C3D6 3 x 2, C3D15 6 x 3). The default.
    /// </summary>
    Exact,

    /// <summary>
    /// The same integral with the element's stiffness rule, as CalculiX does (C3D4 1 point, C3D10 4, C3D20R 2x2x2,
    /// C3D6 2, C3D15 9): inexact for those types (for C3D4 every entry becomes rho V / 16), identical for C3D8 and
    /// C3D20. For comparisons with CalculiX on the same mesh.
    /// </summary>
    StiffnessRule,
}
