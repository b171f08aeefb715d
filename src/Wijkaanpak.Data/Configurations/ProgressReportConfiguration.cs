using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Reports;

namespace Wijkaanpak.Data.Configurations;

/// <summary>
/// A yearly progress report: one row per programme and year in <c>progress_reports</c>. The
/// figures adopted by the board are a jsonb column written once; the narrative sections are
/// plain text columns, so that the audit trail shows each change of a section on its own.
/// </summary>
internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("progress_reports");
        builder.HasKey(report => report.Id);
        builder.Property(report => report.Id).ValueGeneratedNever();
        builder.Property(report => report.Summary).HasMaxLength(ProgressReport.SectionMaxLength).IsRequired();
        builder.Property(report => report.BestPractices).HasMaxLength(ProgressReport.SectionMaxLength).IsRequired();
        builder.Property(report => report.Lessons).HasMaxLength(ProgressReport.SectionMaxLength).IsRequired();
        builder.Property(report => report.Outlook).HasMaxLength(ProgressReport.SectionMaxLength).IsRequired();
        builder.Property(report => report.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(report => report.AdoptedByName).HasMaxLength(Domain.Common.UserRef.DisplayNameMaxLength);
        builder.Property(report => report.AdoptedFiguresJson).HasColumnType("jsonb");
        builder.Property(report => report.Version).IsRowVersion();
        builder.Ignore(report => report.IsAdopted);
        builder.Ignore(report => report.AdoptedBy);
        builder.Ignore(report => report.AdoptedFigures);
        builder.HasOne<Programme>().WithMany().HasForeignKey(report => report.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(report => new { report.ProgrammeId, report.Year }).IsUnique();
    }
}
