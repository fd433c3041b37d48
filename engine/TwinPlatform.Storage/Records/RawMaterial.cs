namespace TwinPlatform.Storage.Records;

/// <summary>The raw-material section of a record: what the material is and where it came from.</summary>
/// <param name="Name">Name or designation (<c>SCM440</c>, <c>Al0.5CoCrFeNi</c>).</param>
/// <param name="Class">Material class (<c>low-alloy steel</c>, <c>high-entropy alloy</c>), or null.</param>
/// <param name="Supplier">Supplier or producing laboratory, or null.</param>
/// <param name="Formula">Nominal formula as written by the source (<c>Al0.25 Co1 Fe1 Ni1</c>), or null.</param>
public sealed record RawMaterial(string Name, string? Class = null, string? Supplier = null, string? Formula = null);
