using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Configurations;

/// <summary>
/// An indicator: a row in <c>indicators</c>; baseline and target as nullable complex columns, the
/// yearly interpretations as a JSON column (a few per indicator, always read with it).
/// </summary>
internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("indicators");
        builder.HasKey(indicator => indicator.Id);
        builder.Property(indicator => indicator.Id).ValueGeneratedNever();
        builder.Property(indicator => indicator.Name).HasMaxLength(Indicator.NameMaxLength).IsRequired();
        builder.Property(indicator => indicator.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(indicator => indicator.Unit).HasMaxLength(Indicator.UnitMaxLength).IsRequired();
        builder.Property(indicator => indicator.Source).HasMaxLength(Indicator.SourceMaxLength).IsRequired();
        builder.Property(indicator => indicator.Definition).HasMaxLength(Indicator.DefinitionMaxLength).IsRequired();
        builder.Property(indicator => indicator.AreaCode).HasMaxLength(AreaCodeMaxLength).IsRequired();
        builder.Property(indicator => indicator.Direction).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(indicator => indicator.Baseline);
        builder.ComplexProperty(indicator => indicator.Target);
        builder.Property(indicator => indicator.Version).IsRowVersion();
        builder.Ignore(indicator => indicator.Interpretations);
        builder.ComplexCollection<List<Interpretation>, Interpretation>("_interpretations", interpretations =>
        {
            interpretations.ToJson("interpretations");
            interpretations.ComplexProperty(interpretation => interpretation.WrittenBy, UserRefMapping.Map);
        });
        builder.HasOne<Programme>().WithMany().HasForeignKey(indicator => indicator.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(indicator => new { indicator.ProgrammeId, indicator.Name }).IsUnique();
    }

    /// <summary>"BU" and 8 digits is the longest CBS code.</summary>
    internal const int AreaCodeMaxLength = 10;
}

/// <summary>
/// Measurements: one row per indicator, area and year in <c>measurements</c>. The unique index is
/// what makes an import idempotent and lets it upsert (ON CONFLICT) in bulk.
/// </summary>
internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.ToTable("measurements");
        builder.HasKey(measurement => measurement.Id);
        builder.Property(measurement => measurement.Id).ValueGeneratedNever();
        builder.Property(measurement => measurement.AreaCode).HasMaxLength(IndicatorConfiguration.AreaCodeMaxLength).IsRequired();
        builder.Property(measurement => measurement.Value).HasPrecision(20, Measurement.ValueDecimals);
        builder.Property(measurement => measurement.SourceName).HasMaxLength(Measurement.SourceMaxLength).IsRequired();
        builder.Property(measurement => measurement.SourceColumn).HasMaxLength(Measurement.SourceMaxLength).IsRequired();
        builder.HasOne<Indicator>().WithMany().HasForeignKey(measurement => measurement.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        // The value rides along so that "the newest value per indicator" is read from the index alone
        // (dashboards and the national portfolio ask it for tens of thousands of indicators at once).
        builder.HasIndex(measurement => new { measurement.IndicatorId, measurement.AreaCode, measurement.Year }).IsUnique()
            .IncludeProperties(measurement => measurement.Value);
        builder.HasIndex(measurement => measurement.ImportId);
    }
}
