using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Execution;

/// <summary>
/// The names an intervention refers to by id: the ambitions of the programme's vision (sub-ambitions
/// after their parent) and the opgaven behind them, the organisations of the register and the programme's indicators. Read once
/// per request, so that showing many interventions costs no query per row.
/// </summary>
internal sealed class ExecutionNames
{
    private readonly Dictionary<Guid, string> _ambitions;
    private readonly Dictionary<Guid, string> _organisations;
    private readonly Dictionary<Guid, string> _indicators;
    private readonly Dictionary<Guid, IReadOnlyList<NamedRef>> _opgavenBehind;

    private ExecutionNames(
        IReadOnlyList<NamedRef> ambitions,
        Dictionary<Guid, IReadOnlyList<NamedRef>> opgavenBehind,
        IReadOnlyList<NamedRef> organisations,
        IReadOnlyList<NamedRef> indicators)
    {
        _opgavenBehind = opgavenBehind;
        Ambitions = ambitions;
        Organisations = organisations;
        Indicators = indicators;
        _ambitions = ambitions.ToDictionary(item => item.Id, item => item.Name);
        _organisations = organisations.ToDictionary(item => item.Id, item => item.Name);
        _indicators = indicators.ToDictionary(item => item.Id, item => item.Name);
    }

    public IReadOnlyList<NamedRef> Ambitions { get; }

    public IReadOnlyList<NamedRef> Organisations { get; }

    public IReadOnlyList<NamedRef> Indicators { get; }

    public static async Task<ExecutionNames> LoadAsync(WijkaanpakDbContext db, ProgrammeId programmeId, CancellationToken cancellationToken)
    {
        var vision = await db.Visions.AsNoTracking().SingleOrDefaultAsync(vision => vision.ProgrammeId == programmeId, cancellationToken);
        var opgaven = await db.Opgaven.AsNoTracking().Where(opgave => opgave.ProgrammeId == programmeId)
            .ToDictionaryAsync(opgave => opgave.Id, opgave => opgave.Title, cancellationToken);
        var ambitions = new List<NamedRef>();
        var opgavenBehind = new Dictionary<Guid, IReadOnlyList<NamedRef>>();
        if (vision is not null)
        {
            List<NamedRef> OpgavenOf(IEnumerable<Guid> ids) =>
                ids.Distinct().Where(opgaven.ContainsKey).Select(id => new NamedRef(id, opgaven[id])).ToList();
            foreach (var ambition in vision.Ambitions.Where(ambition => ambition.ParentId is null))
            {
                ambitions.Add(new NamedRef(ambition.Id, ambition.Title));
                opgavenBehind[ambition.Id] = OpgavenOf(ambition.OpgaveIds);
                foreach (var sub in vision.SubAmbitionsOf(ambition.Id))
                {
                    ambitions.Add(new NamedRef(sub.Id, $"{ambition.Title} › {sub.Title}"));
                    // A sub-ambition answers its parent's opgaven as well as its own.
                    opgavenBehind[sub.Id] = OpgavenOf(sub.OpgaveIds.Concat(ambition.OpgaveIds));
                }
            }
        }

        var organisations = await db.Organisations.AsNoTracking().OrderBy(organisation => organisation.Name)
            .Select(organisation => new NamedRef(organisation.Id.Value, organisation.Name)).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(indicator => indicator.ProgrammeId == programmeId).OrderBy(indicator => indicator.Name)
            .Select(indicator => new NamedRef(indicator.Id.Value, indicator.Name)).ToListAsync(cancellationToken);
        return new ExecutionNames(ambitions, opgavenBehind, organisations, indicators);
    }

    public NamedRef Ambition(Guid id) => new(id, _ambitions.GetValueOrDefault(id, "Onbekende ambitie"));

    /// <summary>The opgaven behind the given ambitions, each once.</summary>
    public IReadOnlyList<NamedRef> OpgavenBehind(IEnumerable<Guid> ambitionIds) =>
        ambitionIds.SelectMany(id => _opgavenBehind.GetValueOrDefault(id, [])).DistinctBy(opgave => opgave.Id).ToList();

    public NamedRef Organisation(Guid id) => new(id, _organisations.GetValueOrDefault(id, "Onbekende organisatie"));

    public NamedRef Indicator(Guid id) => new(id, _indicators.GetValueOrDefault(id, "Onbekende indicator"));
}
