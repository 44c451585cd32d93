/** n8n's field values back into a component's props, read as the runner reads them. */
import { catalog } from '../../../hosts/kit';
import { OPTIONS_FIELD, propsFrom } from '../src/shared/describe';

describe('propsFrom', () => {
  const measures = catalog.actions['get-measures'];
  const read = (top: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    (name: string) => (name === OPTIONS_FIELD ? extra : top[name]);

  it('reads typed lists from text or multi-options, drops empty optional values, keeps defaults on top', () => {
    expect(propsFrom(measures, read({ category: 1, maxResults: 5, unitSystem: 'metric' }, { measureTypes: '9, 10', startDate: '' })))
      .toEqual({ category: 1, maxResults: 5, unitSystem: 'metric', measureTypes: [9, 10] });
    expect(propsFrom(measures, read({ maxResults: 5 }, { measureTypes: ['9', '11'] })))
      .toEqual({ maxResults: 5, measureTypes: [9, 11] });
    expect(propsFrom(measures, read({ maxResults: 5 }, { measureTypes: '[1, 6]' }))).toEqual({ maxResults: 5, measureTypes: [1, 6] });
    expect(propsFrom(measures, read({ maxResults: 5 }, { measureTypes: '' }))).toEqual({ maxResults: 5 });
  });

  it('leaves what does not read cleanly for the component to refuse', () => {
    expect(propsFrom(measures, read({ maxResults: 5 }, { measureTypes: ['9', 'x'] }))).toEqual({ maxResults: 5, measureTypes: [9, 'x'] });
  });
});
