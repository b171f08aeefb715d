using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data.Access;
using Wijkaanpak.Data.Audit;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Inventories;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Reports;
using Wijkaanpak.Domain.Vision;

namespace Wijkaanpak.Data;

/// <summary>The one database of the application: domain data, accounts, audit trail and Data Protection keys.</summary>
public sealed class WijkaanpakDbContext(DbContextOptions<WijkaanpakDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();

    public DbSet<ProgrammeChecklist> ProgrammeChecklists => Set<ProgrammeChecklist>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<Alliance> Alliances => Set<Alliance>();

    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();

    public DbSet<PolicyLine> PolicyLines => Set<PolicyLine>();

    public DbSet<LocalContract> LocalContracts => Set<LocalContract>();

    public DbSet<Opgave> Opgaven => Set<Opgave>();

    public DbSet<VisionStatement> Visions => Set<VisionStatement>();

    public DbSet<ExecutionPeriod> ExecutionPeriods => Set<ExecutionPeriod>();

    public DbSet<Intervention> Interventions => Set<Intervention>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Measurement> Measurements => Set<Measurement>();

    public DbSet<MeasurementImport> MeasurementImports => Set<MeasurementImport>();

    public DbSet<ImportMapping> ImportMappings => Set<ImportMapping>();

    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();

    public DbSet<ProgrammeMember> ProgrammeMembers => Set<ProgrammeMember>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        KeepTheVersionCheckOnJsonOnlyChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        KeepTheVersionCheckOnJsonOnlyChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// EF Core leaves the row-version check (<c>WHERE xmin = …</c>) out of an UPDATE that changes only
    /// JSON columns, so a stale edit of, say, a story or a commitment would overwrite a newer one
    /// silently. Marking one unchanged column as modified makes the UPDATE an ordinary one that carries
    /// the check; the audit trail records only values that really differ, so it stays quiet about it.
    /// </summary>
    private void KeepTheVersionCheckOnJsonOnlyChanges()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries().Where(entry => entry.State == EntityState.Modified))
        {
            if (!entry.Properties.Any(property => property.Metadata.IsConcurrencyToken) || entry.Properties.Any(property => property.IsModified))
            {
                continue;
            }

            var column = entry.Properties.FirstOrDefault(property =>
                !property.Metadata.IsKey() && !property.Metadata.IsConcurrencyToken && !property.Metadata.IsShadowProperty()
                && property.Metadata.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never);
            if (column is not null)
            {
                column.IsModified = true;
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WijkaanpakDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        StronglyTypedIdConventions.Apply(configurationBuilder);
}
