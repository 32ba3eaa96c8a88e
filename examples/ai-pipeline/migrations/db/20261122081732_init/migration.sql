CREATE TYPE "Status" AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED');

CREATE TABLE "PipelineRun" (
    "id" text NOT NULL,
    "name" text NOT NULL,
    "status" "Status" NOT NULL DEFAULT 'PENDING',
    "startedAt" timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" timestamp(3) without time zone NOT NULL,
    "cost" double precision NOT NULL DEFAULT 0,
    "metadata" jsonb,
    CONSTRAINT "PipelineRun_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "pipeline_steps" (
    "id" text NOT NULL,
    "runId" text NOT NULL,
    "position" integer NOT NULL,
    "name" text NOT NULL,
    "status" "Status" NOT NULL DEFAULT 'PENDING',
    "attempts" integer NOT NULL DEFAULT 0,
    "durationMs" bigint,
    "output" jsonb,
    "createdAt" timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pipeline_steps_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PipelineRun_status_startedAt_idx" ON "PipelineRun"("status", "startedAt");

CREATE UNIQUE INDEX "pipeline_steps_runId_position_key" ON "pipeline_steps"("runId", "position");

ALTER TABLE "pipeline_steps" ADD CONSTRAINT "pipeline_steps_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PipelineRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

