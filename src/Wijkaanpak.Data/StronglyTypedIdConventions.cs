using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data;

/// <summary>The one place where every strongly typed id of an aggregate root gets its column conversion.</summary>
internal static class StronglyTypedIdConventions
{
    public static void Apply(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<ProgrammeId>().HaveConversion<ProgrammeIdConverter>();

    private sealed class ProgrammeIdConverter() : ValueConverter<ProgrammeId, Guid>(id => id.Value, value => new ProgrammeId(value));
}
