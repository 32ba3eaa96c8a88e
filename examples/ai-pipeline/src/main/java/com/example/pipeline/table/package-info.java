/** Aligned text tables, as the example prints its query results. */
package com.example.pipeline.table;
