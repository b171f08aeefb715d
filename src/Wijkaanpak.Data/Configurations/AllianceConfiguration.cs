using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Configurations;

/// <summary>
/// The alliance of a programme: a row in <c>alliances</c> (one per programme), its memberships in
/// <c>alliance_memberships</c>, its sub-alliances and participation levels as JSON columns.
/// </summary>
/// <remarks>
/// Memberships get a table because they are asked about across time and organisations ("who sat on
/// the board on 1 March 2023", "in which alliances does this corporation take part"): an index on
/// organisation and dates answers that without reading every alliance. Sub-alliances and the
/// participation record are short lists only read with their alliance. Every change also touches
/// <c>last_changed_at</c> of the alliance row, so its xmin guards the memberships too (ADR 0004).
/// </remarks>
internal sealed class AllianceConfiguration : IEntityTypeConfiguration<Alliance>, IEntityTypeConfiguration<AllianceMembership>
{
    private const string AllianceForeignKey = "AllianceId";

    public void Configure(EntityTypeBuilder<Alliance> builder)
    {
        builder.ToTable("alliances");
        builder.HasKey(alliance => alliance.Id);
        builder.Property(alliance => alliance.Id).ValueGeneratedNever();
        builder.Property(alliance => alliance.Version).IsRowVersion();
        builder.HasOne<Programme>().WithOne().HasForeignKey<Alliance>(alliance => alliance.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(alliance => alliance.ProgrammeId).IsUnique();

        builder.HasMany(alliance => alliance.Memberships)
            .WithOne()
            .HasForeignKey(AllianceForeignKey)
            .IsRequired()
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(alliance => alliance.Memberships)
            .HasField("_memberships")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .AutoInclude();

        builder.Ignore(alliance => alliance.SubAlliances);
        builder.ComplexCollection<List<SubAlliance>, SubAlliance>("_subAlliances", subAlliances => subAlliances.ToJson("sub_alliances"));

        builder.Ignore(alliance => alliance.ParticipationHistory);
        builder.ComplexCollection<List<ParticipationRecord>, ParticipationRecord>("_participation", participation =>
        {
            participation.ToJson("participation_levels");
            participation.Property(record => record.Level).HasConversion<string>();
            participation.ComplexProperty(record => record.RecordedBy, UserRefMapping.Map);
        });
    }

    public void Configure(EntityTypeBuilder<AllianceMembership> builder)
    {
        builder.ToTable("alliance_memberships");
        builder.HasKey(membership => membership.Id);
        builder.Property(membership => membership.Id).ValueGeneratedNever();
        builder.Property<AllianceId>(AllianceForeignKey);
        builder.Property(membership => membership.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(membership => membership.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(membership => membership.Note).HasMaxLength(AllianceMembership.NoteMaxLength).IsRequired();
        builder.PrimitiveCollection(membership => membership.SubAllianceIds)
            .HasField("_subAllianceIds")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .IsRequired();
        builder.ComplexProperty(membership => membership.RecordedBy, UserRefMapping.Map);

        // An organisation that takes part in an alliance is not removed from the register.
        builder.HasOne<Organisation>().WithMany().HasForeignKey(membership => membership.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(AllianceForeignKey, nameof(AllianceMembership.From));
        builder.HasIndex(membership => membership.OrganisationId);
    }
}
