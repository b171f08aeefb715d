namespace Wijkaanpak.Data.LocalPostgres;

/// <summary>Where and how a private PostgreSQL cluster runs.</summary>
public sealed record LocalPostgresOptions
{
    /// <summary>The folder that holds the cluster's data, log, socket and chosen port; created when missing.</summary>
    public required string RootDirectory { get; init; }

    public string DatabaseName { get; init; } = "wijkaanpak";

    /// <summary>The folder with initdb and pg_ctl; when null they are looked up on PATH and in /usr/lib/postgresql.</summary>
    public string? BinaryDirectory { get; init; }

    /// <summary>
    /// Trades durability for speed: no fsync at initdb or at run time. Only for throw-away clusters
    /// of tests and benchmarks, never for data someone wants to keep.
    /// </summary>
    public bool Disposable { get; init; }
}
