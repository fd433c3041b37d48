using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Prediction;

/// <summary>One training or test row built from a record: the record, the property measured on it, its value and group.</summary>
/// <param name="Record">The record.</param>
/// <param name="Property">The property (its conditions are model inputs).</param>
/// <param name="Target">The property value in the sample set's unit (<c>MPa</c>).</param>
/// <param name="Group">Rows of one group are never split between training and test.</param>
public sealed record RecordSample(MaterialRecord Record, PropertyRecord Property, double Target, string Group);
