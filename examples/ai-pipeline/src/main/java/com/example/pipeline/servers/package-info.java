/**
 * Which server each datasource uses: the one its URL variable names, or an embedded one started for the
 * run when the variable is not set.
 */
package com.example.pipeline.servers;
