using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Configurations;

/// <summary>
/// The besluitenlijst: one row per decision in <c>decisions</c>, read per programme in date order
/// (index on programme and date). The go/no-go part (<see cref="GoNoGoDetails"/>) only exists on
/// one kind of decision, so it is a nullable JSON column instead of nine mostly empty columns.
/// </summary>
internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("decisions");
        builder.HasKey(decision => decision.Id);
        builder.Property(decision => decision.Id).ValueGeneratedNever();
        builder.Property(decision => decision.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(decision => decision.DecidedBy).HasMaxLength(Decision.DecidedByMaxLength).IsRequired();
        builder.Property(decision => decision.Title).HasMaxLength(Decision.TitleMaxLength).IsRequired();
        builder.Property(decision => decision.Rationale).HasMaxLength(Decision.RationaleMaxLength).IsRequired();
        builder.Property(decision => decision.CorrectionReason).HasMaxLength(Decision.CorrectionReasonMaxLength).IsRequired();
        builder.Property(decision => decision.FromPhase).HasConversion<string>().HasMaxLength(30);
        builder.Property(decision => decision.ToPhase).HasConversion<string>().HasMaxLength(30);
        builder.PrimitiveCollection(decision => decision.BuildingBlockCodes)
            .HasField("_buildingBlockCodes")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .IsRequired();
        builder.Ignore(decision => decision.IsSuperseded);
        builder.ComplexProperty(decision => decision.RecordedBy, UserRefMapping.Map);
        builder.Property(decision => decision.Version).IsRowVersion();

        builder.ComplexProperty(decision => decision.GoNoGo, goNoGo =>
        {
            goNoGo.ToJson("go_no_go");
            goNoGo.Property(details => details.Outcome).HasConversion<string>();

            // [Flags]: kept as its number, so that "which no-go decisions chose community building"
            // translates to a bitwise test; a string ("A, B") would be readable but not queryable.
            goNoGo.Property(details => details.AlternativeMeasures);
            goNoGo.Ignore(details => details.OrienterenCompletion);
        });

        // Restrict: the besluitenlijst is a record of what was decided; a programme that has one is
        // ended (a no go), not deleted. Deleting a programme with decisions fails in the database.
        builder.HasOne<Programme>().WithMany().HasForeignKey(decision => decision.ProgrammeId).OnDelete(DeleteBehavior.Restrict);

        // A correction points at the decision it supersedes (set when it is inserted, the original
        // already exists or is inserted first). The back pointer, SupersededById, has no foreign
        // key: with both, a decision and its correction added in one SaveChanges would be a cycle
        // of two inserts that EF Core cannot order. The unique index keeps it to one correction.
        builder.HasOne<Decision>().WithMany().HasForeignKey(decision => decision.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(decision => decision.SupersedesId).IsUnique();
        builder.HasOne<Decision>().WithMany().HasForeignKey(decision => decision.RelatedDecisionId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(decision => new { decision.ProgrammeId, decision.DecidedOn });
    }
}
