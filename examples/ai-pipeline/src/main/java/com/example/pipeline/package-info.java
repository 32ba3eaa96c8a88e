/**
 * The AI content pipeline example: {@link com.example.pipeline.Main} chooses the servers, and
 * {@link com.example.pipeline.PipelineApp} deploys the migrations, records the seed data and prints the
 * seed's queries across PostgreSQL, MongoDB and Redis.
 */
package com.example.pipeline;
