using System.Security.Cryptography;
using System.Text;

namespace TwinPlatform.Storage.Records;

/// <summary>
/// The persistent identifier of a record: <c>mr-</c> followed by the first 32 hex digits (128 bits)
/// of the SHA-256 of its canonical JSON form.
/// </summary>
/// <remarks>
/// <para>The canonical form (<see cref="MaterialRecordJson.Canonical"/>) holds the raw material,
/// composition, process, attributes, properties and provenance, in a fixed order, with every
/// number rounded to 12 significant digits so that unit conversions that differ in the last bit
/// (<c>x * 1e6</c> against <c>x / 1e-6</c>) give the same id. Access level, origin, lineage and
/// display units are left out: they describe the record, they are not its content.</para>
/// <para>Two rows of a file with identical content get the same id; a store keeps one.</para>
/// </remarks>
public static class RecordIdentifier
{
    /// <summary>The prefix of every record id.</summary>
    public const string Prefix = "mr-";

    /// <summary>Computes the id of a record's content.</summary>
    public static string Compute(MaterialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var canonical = MaterialRecordJson.Canonical(record);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>True if the text has the form of a record id.</summary>
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != Prefix.Length + 32 || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in id.AsSpan(Prefix.Length))
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
