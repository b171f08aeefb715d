using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Configurations;

/// <summary>Execution periods (uitvoeringsprogramma's): rows in <c>execution_periods</c>.</summary>
internal sealed class ExecutionPeriodConfiguration : IEntityTypeConfiguration<ExecutionPeriod>
{
    public void Configure(EntityTypeBuilder<ExecutionPeriod> builder)
    {
        builder.ToTable("execution_periods");
        builder.HasKey(period => period.Id);
        builder.Property(period => period.Id).ValueGeneratedNever();
        builder.Property(period => period.Name).HasMaxLength(ExecutionPeriod.NameMaxLength).IsRequired();
        builder.Property(period => period.Version).IsRowVersion();
        builder.HasOne<Programme>().WithMany().HasForeignKey(period => period.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(period => new { period.ProgrammeId, period.From });
    }
}

/// <summary>
/// Interventions: rows in <c>interventions</c>; owners, ambitions and indicators as uuid arrays
/// (filtered with <c>= ANY</c>), the status history as a JSON column read with the intervention.
/// </summary>
internal sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> builder)
    {
        builder.ToTable("interventions");
        builder.HasKey(intervention => intervention.Id);
        builder.Property(intervention => intervention.Id).ValueGeneratedNever();
        builder.Property(intervention => intervention.Title).HasMaxLength(Intervention.TitleMaxLength).IsRequired();
        builder.Property(intervention => intervention.Description).HasMaxLength(Intervention.DescriptionMaxLength).IsRequired();
        builder.Property(intervention => intervention.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(intervention => intervention.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(intervention => intervention.Budget).HasPrecision(14, 2);
        builder.PrimitiveCollection(intervention => intervention.OwnerOrganisationIds).HasField("_ownerOrganisationIds").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
        builder.PrimitiveCollection(intervention => intervention.AmbitionIds).HasField("_ambitionIds").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
        builder.PrimitiveCollection(intervention => intervention.IndicatorIds).HasField("_indicatorIds").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
        builder.Ignore(intervention => intervention.LastStatusChangeOn);
        builder.Property(intervention => intervention.Version).IsRowVersion();
        builder.Ignore(intervention => intervention.StatusHistory);
        builder.ComplexCollection<List<StatusChange>, StatusChange>("_statusHistory", history =>
        {
            history.ToJson("status_history");
            history.Property(change => change.From).HasConversion<string>();
            history.Property(change => change.To).HasConversion<string>();
            history.ComplexProperty(change => change.RecordedBy, UserRefMapping.Map);
        });
        builder.HasOne<Programme>().WithMany().HasForeignKey(intervention => intervention.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExecutionPeriod>().WithMany().HasForeignKey(intervention => intervention.PeriodId).OnDelete(DeleteBehavior.Restrict);
        // Budgets ride along: the portfolio sums every programme's uncovered budget without reading the
        // wide rows (their status history is JSON).
        builder.HasIndex(intervention => new { intervention.ProgrammeId, intervention.Status })
            .IncludeProperties(intervention => new { intervention.Id, intervention.Budget });
    }
}

/// <summary>Budget lines: rows in <c>budget_lines</c>, summed per programme, source, year and intervention.</summary>
internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("budget_lines");
        builder.HasKey(line => line.Id);
        builder.Property(line => line.Id).ValueGeneratedNever();
        builder.Property(line => line.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(line => line.Scheme).HasConversion<string>().HasMaxLength(40);
        builder.Property(line => line.Description).HasMaxLength(BudgetLine.DescriptionMaxLength).IsRequired();
        builder.Property(line => line.Committed).HasPrecision(14, 2);
        builder.Property(line => line.Spent).HasPrecision(14, 2);
        builder.Ignore(line => line.IsBureauCost);
        builder.Property(line => line.Version).IsRowVersion();
        builder.HasOne<Programme>().WithMany().HasForeignKey(line => line.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(line => line.FunderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Intervention>().WithMany().HasForeignKey(line => line.InterventionId).OnDelete(DeleteBehavior.Restrict);
        // The amounts ride along: the portfolio sums the money of every programme from the index alone.
        builder.HasIndex(line => new { line.ProgrammeId, line.Year })
            .IncludeProperties(line => new { line.InterventionId, line.Committed, line.Spent });
    }
}
