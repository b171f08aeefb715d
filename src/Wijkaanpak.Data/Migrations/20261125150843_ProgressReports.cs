using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkaanpak.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProgressReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "progress_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    summary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    best_practices = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    lessons = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    outlook = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    adopted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    adopted_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    adopted_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    adopted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    adopted_figures_json = table.Column<string>(type: "jsonb", nullable: true),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_progress_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_progress_reports_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_programme_id_year",
                table: "progress_reports",
                columns: new[] { "programme_id", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "progress_reports");
        }
    }
}
