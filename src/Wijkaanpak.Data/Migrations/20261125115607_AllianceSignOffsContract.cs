using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkaanpak.Data.Migrations
{
    /// <inheritdoc />
    public partial class AllianceSignOffsContract : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_changed_at",
                table: "organisations",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Existing organisations last changed when they were created.
            migrationBuilder.Sql("UPDATE organisations SET last_changed_at = created_at;");

            migrationBuilder.CreateTable(
                name: "alliances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    participation_levels = table.Column<string>(type: "jsonb", nullable: false),
                    sub_alliances = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliances", x => x.id);
                    table.ForeignKey(
                        name: "fk_alliances_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "checklist_sign_offs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signed_revision = table.Column<int>(type: "integer", nullable: false),
                    remark = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    programme_checklist_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signed_by_display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signed_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checklist_sign_offs", x => x.id);
                    table.ForeignKey(
                        name: "fk_checklist_sign_offs_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_checklist_sign_offs_programme_checklists_programme_checklis",
                        column: x => x.programme_checklist_id,
                        principalTable: "programme_checklists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "local_contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_contracts", x => x.id);
                    table.ForeignKey(
                        name: "fk_local_contracts_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "organisation_representatives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    function = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_representatives", x => x.id);
                    table.ForeignKey(
                        name: "fk_organisation_representatives_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policy_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    scale = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from_year = table.Column<int>(type: "integer", nullable: false),
                    until_year = table.Column<int>(type: "integer", nullable: true),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    outcome_so_far = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_policy_lines_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stakeholders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    interest = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stakeholders", x => x.id);
                    table.ForeignKey(
                        name: "fk_stakeholders_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stakeholders_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "alliance_memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    sub_alliance_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    alliance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliance_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_alliance_memberships_alliances_alliance_id",
                        column: x => x.alliance_id,
                        principalTable: "alliances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_alliance_memberships_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "local_contract_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    principles = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ambitions_and_priorities = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    financial_agreements = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    process_direction = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    change_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    evaluate_after_years = table.Column<int>(type: "integer", nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    local_contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    commitments = table.Column<string>(type: "jsonb", nullable: false),
                    signatures = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_contract_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_local_contract_versions_local_contracts_local_contract_id",
                        column: x => x.local_contract_id,
                        principalTable: "local_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alliance_memberships_alliance_id_from",
                table: "alliance_memberships",
                columns: new[] { "alliance_id", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_alliance_memberships_organisation_id",
                table: "alliance_memberships",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_alliances_programme_id",
                table: "alliances",
                column: "programme_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_checklist_sign_offs_organisation_id",
                table: "checklist_sign_offs",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_checklist_sign_offs_programme_checklist_id_organisation_id_",
                table: "checklist_sign_offs",
                columns: new[] { "programme_checklist_id", "organisation_id", "signed_revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_local_contract_versions_local_contract_id_number",
                table: "local_contract_versions",
                columns: new[] { "local_contract_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_local_contracts_programme_id",
                table: "local_contracts",
                column: "programme_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organisation_representatives_organisation_id",
                table: "organisation_representatives",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisation_representatives_user_id",
                table: "organisation_representatives",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_policy_lines_programme_id_from_year",
                table: "policy_lines",
                columns: new[] { "programme_id", "from_year" });

            migrationBuilder.CreateIndex(
                name: "ix_stakeholders_organisation_id",
                table: "stakeholders",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_stakeholders_programme_id_name",
                table: "stakeholders",
                columns: new[] { "programme_id", "name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alliance_memberships");

            migrationBuilder.DropTable(
                name: "checklist_sign_offs");

            migrationBuilder.DropTable(
                name: "local_contract_versions");

            migrationBuilder.DropTable(
                name: "organisation_representatives");

            migrationBuilder.DropTable(
                name: "policy_lines");

            migrationBuilder.DropTable(
                name: "stakeholders");

            migrationBuilder.DropTable(
                name: "alliances");

            migrationBuilder.DropTable(
                name: "local_contracts");

            migrationBuilder.DropColumn(
                name: "last_changed_at",
                table: "organisations");
        }
    }
}
