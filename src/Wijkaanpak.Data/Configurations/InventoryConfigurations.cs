using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Inventories;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Configurations;

/// <summary>The stakeholder inventory (§4.5): one row per entry in <c>stakeholders</c>, read per programme.</summary>
internal sealed class StakeholderConfiguration : IEntityTypeConfiguration<Stakeholder>
{
    public void Configure(EntityTypeBuilder<Stakeholder> builder)
    {
        builder.ToTable("stakeholders");
        builder.HasKey(stakeholder => stakeholder.Id);
        builder.Property(stakeholder => stakeholder.Id).ValueGeneratedNever();
        builder.Property(stakeholder => stakeholder.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(stakeholder => stakeholder.Name).HasMaxLength(Stakeholder.NameMaxLength).IsRequired();
        builder.Property(stakeholder => stakeholder.Interest).HasMaxLength(Stakeholder.TextMaxLength).IsRequired();
        builder.Property(stakeholder => stakeholder.Contact).HasMaxLength(Stakeholder.ContactMaxLength).IsRequired();
        builder.Property(stakeholder => stakeholder.Version).IsRowVersion();
        builder.HasOne<Programme>().WithMany().HasForeignKey(stakeholder => stakeholder.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(stakeholder => stakeholder.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(stakeholder => new { stakeholder.ProgrammeId, stakeholder.Name });
    }
}

/// <summary>The policy inventory (§4.3): one row per policy line in <c>policy_lines</c>, read per programme.</summary>
internal sealed class PolicyLineConfiguration : IEntityTypeConfiguration<PolicyLine>
{
    public void Configure(EntityTypeBuilder<PolicyLine> builder)
    {
        builder.ToTable("policy_lines");
        builder.HasKey(line => line.Id);
        builder.Property(line => line.Id).ValueGeneratedNever();
        builder.Property(line => line.Title).HasMaxLength(PolicyLine.TitleMaxLength).IsRequired();
        builder.Property(line => line.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(line => line.Scale).HasConversion<string>().HasMaxLength(20);
        builder.Property(line => line.Owner).HasMaxLength(PolicyLine.OwnerMaxLength).IsRequired();
        builder.Property(line => line.OutcomeSoFar).HasMaxLength(PolicyLine.OutcomeMaxLength).IsRequired();
        builder.Property(line => line.Version).IsRowVersion();
        builder.HasOne<Programme>().WithMany().HasForeignKey(line => line.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(line => new { line.ProgrammeId, line.FromYear });
    }
}
