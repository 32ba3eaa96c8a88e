/** The seed's queries, run through the generated client and shown as aligned tables. */
package com.example.pipeline.report;
