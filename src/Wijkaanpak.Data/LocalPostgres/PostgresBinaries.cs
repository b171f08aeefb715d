namespace Wijkaanpak.Data.LocalPostgres;

/// <summary>Finds PostgreSQL's server programs: on PATH first, then in Debian's versioned folders.</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    public static PostgresBinaries? Find(string? binaryDirectory) =>
        binaryDirectory is null ? Find() : FindIn([binaryDirectory]);

    public static PostgresBinaries? Find()
    {
        var pathFolders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var debianFolders = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(folder => int.TryParse(Path.GetFileName(folder), out var major) ? major : 0)
                .Select(folder => Path.Combine(folder, "bin"))
            : [];

        return FindIn(pathFolders.Concat(debianFolders));
    }

    private static PostgresBinaries? FindIn(IEnumerable<string> folders) =>
        folders
            .Where(folder => File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "initdb")))
            .Select(folder => new PostgresBinaries(Path.Combine(folder, "initdb"), Path.Combine(folder, "pg_ctl")))
            .FirstOrDefault();
}
