namespace Wijkaanpak.Web.Features.Monitoring.Import;

/// <summary>
/// Where an uploaded measurement file waits while the user maps and imports it: a folder per
/// running app instance under the temporary folder, claimed by a locked file. The page deletes its
/// upload when it is done or closed, but a process that dies (a crash, a restart during an import)
/// cannot; so at start every folder whose lock no running instance holds is removed. Several
/// instances on one machine keep each other's uploads.
/// </summary>
public sealed class ImportUploads(string root, ILogger<ImportUploads> logger) : IHostedService, IDisposable
{
    public const string FolderName = "wijkaanpak-import";

    private const string LockFileName = ".in-gebruik";

    /// <summary>Files directly under the root come from versions before the folders per instance.</summary>
    private static readonly TimeSpan LooseFileAge = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private FileStream? _claim;
    private string? _folder;

    public string Root { get; } = root;

    public static ImportUploads InTempFolder(ILogger<ImportUploads> logger) => new(Path.Combine(Path.GetTempPath(), FolderName), logger);

    /// <summary>A new, not yet existing file path in this instance's folder.</summary>
    public string NewFilePath() => Path.Combine(Claim(), $"{Guid.CreateVersion7():N}.csv");

    /// <summary>Removes the folders of instances that are no longer running; returns how many files went with them.</summary>
    public int RemoveStale()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (folder == _folder || !Unclaimed(folder))
            {
                continue;
            }

            try
            {
                var files = Directory.EnumerateFiles(folder).Count(file => Path.GetFileName(file) != LockFileName);
                Directory.Delete(folder, recursive: true);
                removed += files;
            }
            catch (IOException failed)
            {
                logger.LogWarning(failed, "Tijdelijke importmap {Folder} kon niet worden opgeruimd", folder);
            }
        }

        foreach (var file in Directory.EnumerateFiles(Root).Where(file => File.GetLastWriteTimeUtc(file) < DateTime.UtcNow - LooseFileAge))
        {
            File.Delete(file);
            removed++;
        }

        if (removed > 0)
        {
            logger.LogInformation("{Count} achtergebleven importbestanden opgeruimd in {Root}", removed, Root);
        }

        return removed;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        RemoveStale();
        return Task.CompletedTask;
    }

    /// <summary>On a clean stop the uploads go with the circuits that held them.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _claim?.Dispose();
            _claim = null;
            if (_folder is not null && Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }

            _folder = null;
        }
    }

    private string Claim()
    {
        lock (_gate)
        {
            if (_folder is null)
            {
                var folder = Directory.CreateDirectory(Path.Combine(Root, Guid.CreateVersion7().ToString("N"))).FullName;

                // FileShare.None takes an exclusive lock (flock on Linux) that the kernel drops when the process dies.
                _claim = new FileStream(Path.Combine(folder, LockFileName), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
                _folder = folder;
            }

            return _folder;
        }
    }

    private static bool Unclaimed(string folder)
    {
        try
        {
            using var probe = new FileStream(Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            // Another user's folder (a second installation on the machine): not ours to remove.
            return false;
        }
    }
}
