import { Box, Grid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of {@link FormSection}. */
export interface FormSectionProps {
  title: ReactNode;
  /** A short line under the heading: what this part is for. */
  description?: ReactNode;
  /** Content placed to the right of the heading instead of under the fields (e.g. a toggle). */
  aside?: ReactNode;
  children?: ReactNode;
}

/**
 * One part of a long form: the heading on the left, the fields on the right (stacked on
 * narrow windows). Headings are for navigation; the section is deliberately not a named
 * region, because its name would often equal a field's label ("Anledning") and make
 * label-based lookups ambiguous.
 */
export function FormSection({ title, description, aside, children }: FormSectionProps) {
  return (
    <Box component="section" py="lg">
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Title order={2} size="h5" fw={600}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" mt={4}>
              {description}
            </Text>
          )}
          {aside && <Box mt="sm">{aside}</Box>}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>{children}</Grid.Col>
      </Grid>
    </Box>
  );
}
