using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Configurations;

/// <summary>
/// The programme aggregate: one row in <c>programmes</c>. Its process-model history (phase moves,
/// herijkingen) and the organisations' go/no-go weighings are small, only ever read with their
/// programme and never looked up on their own, so each is a JSON column of the programme's row
/// rather than a table: one row to load, and a change to them is a change to the row that carries
/// the concurrency token (xmin), as ADR 0004 requires of an aggregate.
/// </summary>
/// <remarks>
/// They are EF Core 10 complex collections (<c>ComplexCollection(...).ToJson()</c>), not owned types
/// (<c>OwnsMany(...).ToJson()</c>): they are values of the programme with no identity EF Core needs
/// to track, and the <see cref="UserRef"/> inside each can then be the same complex type as in
/// every table column; EF Core 10 has no complex types inside owned types. A complex collection
/// must be an <c>IList&lt;T&gt;</c>, and the domain exposes sorted read-only copies, so each is
/// mapped by its backing field (<c>_phaseTransitions</c>) and the public property is ignored; in
/// a query use <c>EF.Property&lt;List&lt;PhaseTransition&gt;&gt;(programme, "_phaseTransitions")</c>.
/// JSON keys are the C# property names.
/// </remarks>
internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("programmes");
        builder.HasKey(programme => programme.Id);
        builder.Property(programme => programme.Id).ValueGeneratedNever();
        builder.Property(programme => programme.Name).HasMaxLength(Programme.NameMaxLength).IsRequired();
        builder.Property(programme => programme.Municipality).HasMaxLength(Programme.MunicipalityMaxLength).IsRequired();
        builder.Property(programme => programme.Description).HasMaxLength(Programme.DescriptionMaxLength).IsRequired();
        builder.Property(programme => programme.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(programme => programme.CurrentPhase).HasConversion<string>().HasMaxLength(30);
        builder.Property<List<string>>("_areaCodes").HasColumnName("area_codes").IsRequired();
        builder.Ignore(programme => programme.AreaCodes);
        builder.Ignore(programme => programme.PlannedEndDate);
        builder.Property(programme => programme.Version).IsRowVersion();

        builder.Property(programme => programme.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(programme => programme.IsEnded);
        builder.Property(programme => programme.GoNoGo).HasConversion<string>().HasMaxLength(10);

        // Deliberately no foreign key to decisions: decisions.programme_id already points the other
        // way, and a programme created together with its go/no-go decision in one SaveChanges (demo
        // data, imports) would then be a cycle of two inserts that EF Core refuses to order. The
        // programme only ever sets it to the id of the decision it has just created.
        builder.Property(programme => programme.GoNoGoDecisionId);

        builder.Ignore(programme => programme.PhaseTransitions);
        builder.Ignore(programme => programme.Herijkingen);
        builder.Ignore(programme => programme.GoNoGoWeighings);

        builder.ComplexCollection<List<PhaseTransition>, PhaseTransition>("_phaseTransitions", transitions =>
        {
            transitions.ToJson("phase_transitions");
            transitions.Property(transition => transition.From).HasConversion<string>();
            transitions.Property(transition => transition.To).HasConversion<string>();
            transitions.ComplexProperty(transition => transition.MovedBy, UserRefMapping.Map);
        });

        builder.ComplexCollection<List<Herijking>, Herijking>("_herijkingen", herijkingen =>
        {
            herijkingen.ToJson("herijkingen");
            herijkingen.PrimitiveCollection(herijking => herijking.ReopenedBuildingBlockCodes)
                .HasField("_reopenedBuildingBlockCodes")
                .UsePropertyAccessMode(PropertyAccessMode.Field);
            herijkingen.ComplexProperty(herijking => herijking.RecordedBy, UserRefMapping.Map);
        });

        builder.ComplexCollection<List<GoNoGoWeighing>, GoNoGoWeighing>("_goNoGoWeighings", weighings =>
        {
            weighings.ToJson("go_no_go_weighings");
            weighings.Ignore(weighing => weighing.Considerations);
            weighings.ComplexCollection<List<GoNoGoConsideration>, GoNoGoConsideration>("_considerations", considerations =>
            {
                considerations.HasJsonPropertyName(nameof(GoNoGoWeighing.Considerations));
                considerations.Property(consideration => consideration.Question).HasConversion<string>();
                considerations.Property(consideration => consideration.Answer).HasConversion<string>();
            });
            weighings.ComplexProperty(weighing => weighing.RecordedBy, UserRefMapping.Map);
        });

        builder.HasIndex(programme => programme.Name);
    }
}

/// <summary>
/// <see cref="UserRef"/> as a complex type wherever it is used (columns or JSON). Its properties are
/// get-only and set through its constructor, which EF Core only binds to when they are mapped
/// explicitly; by convention it finds no mapped properties and no usable constructor.
/// </summary>
internal static class UserRefMapping
{
    public static void Map(ComplexPropertyBuilder<UserRef> user)
    {
        user.Property(reference => reference.UserId);
        user.Property(reference => reference.DisplayName).HasMaxLength(UserRef.DisplayNameMaxLength).IsRequired();
    }
}
