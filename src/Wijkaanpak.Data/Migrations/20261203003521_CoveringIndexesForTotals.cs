using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkaanpak.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoveringIndexesForTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_measurements_indicator_id_area_code_year",
                table: "measurements");

            migrationBuilder.DropIndex(
                name: "ix_interventions_programme_id_status",
                table: "interventions");

            migrationBuilder.DropIndex(
                name: "ix_budget_lines_programme_id_year",
                table: "budget_lines");

            migrationBuilder.CreateIndex(
                name: "ix_measurements_indicator_id_area_code_year",
                table: "measurements",
                columns: new[] { "indicator_id", "area_code", "year" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "value" });

            migrationBuilder.CreateIndex(
                name: "ix_interventions_programme_id_status",
                table: "interventions",
                columns: new[] { "programme_id", "status" })
                .Annotation("Npgsql:IndexInclude", new[] { "id", "budget" });

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_programme_id_year",
                table: "budget_lines",
                columns: new[] { "programme_id", "year" })
                .Annotation("Npgsql:IndexInclude", new[] { "intervention_id", "committed", "spent" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_measurements_indicator_id_area_code_year",
                table: "measurements");

            migrationBuilder.DropIndex(
                name: "ix_interventions_programme_id_status",
                table: "interventions");

            migrationBuilder.DropIndex(
                name: "ix_budget_lines_programme_id_year",
                table: "budget_lines");

            migrationBuilder.CreateIndex(
                name: "ix_measurements_indicator_id_area_code_year",
                table: "measurements",
                columns: new[] { "indicator_id", "area_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_interventions_programme_id_status",
                table: "interventions",
                columns: new[] { "programme_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_programme_id_year",
                table: "budget_lines",
                columns: new[] { "programme_id", "year" });
        }
    }
}
