using System;
using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;
using Wijkaanpak.Data.Seeding;

#nullable disable

namespace Wijkaanpak.Data.Migrations
{
    /// <summary>
    /// Inserts version 1 of the nineteen checklist templates from the embedded seed file
    /// (<see cref="ChecklistSeed"/>), under fixed ids and a fixed creation time, so every database
    /// gets the same rows. No model change: the snapshot is untouched.
    /// </summary>
    public partial class SeedChecklistTemplates : Migration
    {
        /// <summary>
        /// The seed file this migration was written for (<see cref="ChecklistSeed.ContentHash"/>). A test
        /// compares it with the embedded file: editing the file after this migration would give new
        /// databases other templates than existing ones. Change a checklist by making a new version.
        /// </summary>
        public const string SeedFileSha256 = "1a4a461ab10f2a908282845168a68a23bdff6f30cdada03d2e6af19b80740d38";

        private static readonly string[] Columns =
        [
            "id", "building_block_code", "version_number", "title", "purpose", "source_section", "change_note",
            "last_question_number", "created_at", "created_by_display_name", "created_by_user_id", "questions",
        ];

        private static readonly string[] ColumnTypes =
        [
            "uuid", "character varying(20)", "integer", "character varying(200)", "character varying(1000)", "character varying(50)",
            "character varying(1000)", "integer", "timestamp with time zone", "character varying(200)", "uuid", "jsonb",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (id, template) in ChecklistSeed.FirstVersions())
            {
                migrationBuilder.InsertData(
                    table: "checklist_templates",
                    columns: Columns,
                    columnTypes: ColumnTypes,
                    values: new object[]
                    {
                        id.Value,
                        template.BuildingBlockCode,
                        template.VersionNumber,
                        template.Title,
                        template.Purpose,
                        template.SourceSection,
                        template.ChangeNote,
                        template.LastQuestionNumber,
                        template.CreatedAt,
                        null,
                        null,
                        ChecklistSeed.QuestionsJson(template),
                    });
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Fails, as it should, once a programme answers a seeded version (foreign keys restrict).
            migrationBuilder.DeleteData(
                table: "checklist_templates",
                keyColumn: "id",
                keyColumnType: "uuid",
                keyValues: ChecklistSeed.FirstVersions().Select(seeded => (object)seeded.Id.Value).ToArray());
        }
    }
}
