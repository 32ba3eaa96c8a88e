/** Deploys the example's committed migrations when it starts. */
package com.example.pipeline.migrate;
