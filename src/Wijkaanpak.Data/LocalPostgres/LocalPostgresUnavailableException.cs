namespace Wijkaanpak.Data.LocalPostgres;

/// <summary>The private cluster cannot be started; the message says what to install or configure.</summary>
public sealed class LocalPostgresUnavailableException : Exception
{
    public LocalPostgresUnavailableException(string message)
        : base(message)
    {
    }

    public LocalPostgresUnavailableException()
        : this("De eigen PostgreSQL-cluster kon niet starten.")
    {
    }

    public LocalPostgresUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
