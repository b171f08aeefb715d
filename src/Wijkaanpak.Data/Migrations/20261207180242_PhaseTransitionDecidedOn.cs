using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkaanpak.Data.Migrations
{
    /// <summary>
    /// Phase moves keep the date of their decision, so that the programme holds the next move to the
    /// order of the moves (issue 17). The moves are JSON in programmes.phase_transitions: each gets
    /// the date of its decision, or the day it was recorded where that decision cannot be found.
    /// </summary>
    public partial class PhaseTransitionDecidedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE programmes AS p
                SET phase_transitions = (
                    SELECT jsonb_agg(
                        t.value || jsonb_build_object(
                            'DecidedOn',
                            to_char(COALESCE(d.decided_on, ((t.value ->> 'MovedAt')::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date), 'YYYY-MM-DD'))
                        ORDER BY t.ordinality)
                    FROM jsonb_array_elements(p.phase_transitions) WITH ORDINALITY AS t(value, ordinality)
                    LEFT JOIN decisions AS d ON d.id = (t.value ->> 'DecisionId')::uuid)
                WHERE jsonb_array_length(p.phase_transitions) > 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE programmes AS p
                SET phase_transitions = (
                    SELECT jsonb_agg(t.value - 'DecidedOn' ORDER BY t.ordinality)
                    FROM jsonb_array_elements(p.phase_transitions) WITH ORDINALITY AS t(value, ordinality))
                WHERE jsonb_array_length(p.phase_transitions) > 0;
                """);
        }
    }
}
