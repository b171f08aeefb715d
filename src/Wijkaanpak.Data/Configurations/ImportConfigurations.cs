using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Configurations;

/// <summary>
/// The record of one measurement import in <c>measurement_imports</c>. Measurements point to it by
/// <c>import_id</c> without a foreign key: the values are bulk-stored before the record is saved,
/// in the same transaction.
/// </summary>
internal sealed class MeasurementImportConfiguration : IEntityTypeConfiguration<MeasurementImport>
{
    public void Configure(EntityTypeBuilder<MeasurementImport> builder)
    {
        builder.ToTable("measurement_imports");
        builder.HasKey(import => import.Id);
        builder.Property(import => import.Id).ValueGeneratedNever();
        builder.Property(import => import.FileName).HasMaxLength(MeasurementImport.FileNameMaxLength).IsRequired();
        builder.Property(import => import.Sha256).HasMaxLength(MeasurementImport.Sha256Length).IsFixedLength().IsRequired();
        builder.Property(import => import.Shape).HasConversion<string>().HasMaxLength(10);
        builder.ComplexProperty(import => import.ImportedBy, UserRefMapping.Map);
        builder.HasOne<Programme>().WithMany().HasForeignKey(import => import.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(import => new { import.ProgrammeId, import.Sha256 });
    }
}

/// <summary>A remembered mapping in <c>import_mappings</c>: one per programme and file shape, the entries as JSON.</summary>
internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> builder)
    {
        builder.ToTable("import_mappings");
        builder.HasKey(mapping => mapping.Id);
        builder.Property(mapping => mapping.Id).ValueGeneratedNever();
        builder.Property(mapping => mapping.HeaderHash).HasMaxLength(ImportMapping.HeaderHashLength).IsFixedLength().IsRequired();
        builder.Property(mapping => mapping.Shape).HasConversion<string>().HasMaxLength(10);
        builder.Property(mapping => mapping.AreaColumn).HasMaxLength(ImportMapping.ColumnMaxLength).IsRequired();
        builder.Property(mapping => mapping.YearColumn).HasMaxLength(ImportMapping.ColumnMaxLength);
        builder.Property(mapping => mapping.IndicatorColumn).HasMaxLength(ImportMapping.ColumnMaxLength);
        builder.Property(mapping => mapping.ValueColumn).HasMaxLength(ImportMapping.ColumnMaxLength);
        builder.Property(mapping => mapping.Version).IsRowVersion();
        builder.Ignore(mapping => mapping.Entries);
        builder.ComplexCollection<List<ImportMappingEntry>, ImportMappingEntry>("_entries", entries => entries.ToJson("entries"));
        builder.HasOne<Programme>().WithMany().HasForeignKey(mapping => mapping.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(mapping => new { mapping.ProgrammeId, mapping.HeaderHash }).IsUnique();
    }
}
