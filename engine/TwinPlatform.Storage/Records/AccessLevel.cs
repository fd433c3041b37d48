namespace TwinPlatform.Storage.Records;

/// <summary>Who may read a record. Stored with every record; enforced by the server's access control.</summary>
public enum AccessLevel
{
    /// <summary>Anyone, including industry members reviewing shared prototypes.</summary>
    Public,

    /// <summary>Members of the consortium (hub teams and partners).</summary>
    Consortium,

    /// <summary>Only the owning team.</summary>
    Private,
}
